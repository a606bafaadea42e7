// The shell's entry: defining <preau-app> starts everything.
import './preau-app.js';
