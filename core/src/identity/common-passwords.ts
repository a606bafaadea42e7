// The most used passwords in French and English leaks; CNIL 2022 asks to refuse them.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '123456789', '12345678', 'password', 'motdepasse', 'azerty', 'azertyuiop', 'qwerty', 'qwertyuiop',
  '1234567890', '11111111', '00000000', '12341234', '87654321', 'iloveyou', 'jetaime', 'doudou', 'soleil',
  'marseille', 'loulou', 'chouchou', 'password1', 'password123', 'motdepasse1', 'azerty123', 'azerty1234',
  'bonjour', 'bonjour123', 'football', 'princesse', 'chocolat', 'abcd1234', 'abc12345', 'qwerty123',
  'admin123', 'administrateur', 'welcome1', 'sunshine', 'superman', 'starwars', 'dragon12', 'monkey12',
  'nicolas1', 'camille1', 'juliette', 'vacances', 'ecole123', 'preau123', 'bienvenue', 'liberte', 'france123',
  'aaaaaaaa', 'azertyui', 'qsdfghjk', 'wxcvbnaz', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx', 'trustno1', 'letmein1',
]);
