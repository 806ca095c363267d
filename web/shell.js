// The page's own script (shell.html), before the client loads. A file, not inline: the
// Content-Security-Policy runs scripts from Skolnav's own files only.
//  - The page colour and language the client will choose (app/preferences.cpp), set
//    before the first paint: no white flash for someone who reads in dark.
//  - The one loading screen (#boot in shell.html): shown until the client's first real
//    frame (Module.skolnavShown, from main.cpp), or turned into the reason it failed.
//  - Module: Emscripten's settings for skolnav.js (the client finds its canvas as
//    "#canvas" itself: platform/canvas.cpp).
(function () {
  'use strict';
  var root = document.documentElement;
  function stored(key) {
    try { return localStorage.getItem(key) || ''; } catch (e) { return ''; }
  }
  var look = stored('skolnav.appearance');
  var dark = look === 'dark' || (look !== 'light' && window.matchMedia &&
    window.matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark) root.classList.add('dark');
  if (stored('skolnav.language') === 'en') root.classList.add('en');

  function boot() { return document.getElementById('boot'); }
  // A failure is said in words where the loading screen was (Swedish and English).
  function fail(swedish, english) {
    var b = boot();
    if (!b) {
      b = document.body.appendChild(document.createElement('div'));
      b.id = 'boot';
      b.setAttribute('role', 'alert');
    }
    b.className = 'failed';
    b.textContent = root.classList.contains('en') ? english : swedish;
  }

  window.Module = {
    skolnavShown: function () {
      var b = boot();
      if (b) b.className = 'gone';
    },
    skolnavFatal: function (swedish, english) { fail(swedish, english); },
    onAbort: function () {
      fail('Skolnav kunde inte starta. Ladda om sidan.', 'Skolnav could not start. Reload the page.');
    },
  };
})();
