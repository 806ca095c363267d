// Skolnav's page glue, appended to skolnav.js (emcc --post-js), so it sees Module.
//  - The hidden text field: ImGui draws text fields on the canvas, but only a focused
//    DOM field gets the browser's text input: phone keyboards, IME composition, dead
//    keys (¨ + a = ä), paste. Its input events are forwarded as characters; editing keys
//    come from keydown (platform/input.cpp), or here when a phone keyboard sends none.
//  - window.skolnav: what is on screen (labels, roles, rectangles) and whether the
//    client is idle, for browser tests and later an accessibility mirror.
(function () {
  'use strict';
  var field = document.getElementById('skolnav-text');
  var canvas = document.getElementById('canvas');
  // One invisible character stays in the field so a phone keyboard's Backspace has
  // something to delete (an empty field fires no input event for it).
  var SENTINEL = '\u200b';
  var composing = false;

  function reset() {
    field.value = SENTINEL;
    field.setSelectionRange(1, 1);
  }

  // Only the leading sentinel goes: a zero-width space the user typed or pasted is text.
  // ccall encodes the JS string (UTF-16, emoji as surrogate pairs) as UTF-8.
  function sendText(text) {
    if (text.charAt(0) === SENTINEL) text = text.slice(1);
    if (text) Module.ccall('skolnav_input_text', null, ['string'], [text]);
  }

  if (field) {
    reset();
    field.addEventListener('compositionstart', function () { composing = true; });
    field.addEventListener('compositionend', function () {
      composing = false;
      sendText(field.value);
      reset();
    });
    // A pasted text goes to ImGui as it is: the <input> itself would strip its line breaks.
    field.addEventListener('paste', function (e) {
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (!text) return;
      e.preventDefault();
      Module.ccall('skolnav_input_text', null, ['string'], [text.replace(/\r\n?/g, '\n')]);
      reset();
    });
    field.addEventListener('input', function (e) {
      if (composing || e.isComposing) return;
      var type = e.inputType || '';
      if (type === 'deleteContentBackward') Module._skolnav_input_edit_key(1);
      else if (type === 'deleteContentForward') Module._skolnav_input_edit_key(3);
      else if (type === 'insertLineBreak' || type === 'insertParagraph') Module._skolnav_input_edit_key(2);
      else sendText(field.value);
      reset();
    });
  }

  // Called after each frame by platform/input.cpp: keep the field at the caret (IME
  // windows open there) and focused exactly while ImGui edits text.
  Module.skolnavTextFocus = function (want, changed, x, y, h) {
    if (!field) return;
    if (want) {
      field.style.left = Math.max(0, x) + 'px';
      field.style.top = Math.max(0, y) + 'px';
      field.style.height = Math.max(16, h) + 'px';
    }
    if (!changed) return;
    if (want) {
      if (document.activeElement !== field) field.focus({ preventScroll: true });
      reset();
    } else if (document.activeElement === field) {
      field.blur();
    }
  };

  function widgets() {
    if (!Module._skolnav_widgets_json) return [];
    return JSON.parse(UTF8ToString(Module._skolnav_widgets_json()));
  }

  // Phones open their keyboard only for focus() inside a user gesture, and ImGui decides
  // on the next animation frame: so when a tap ends on a text field, focus right away.
  // A mouse press on a text field focuses at once too: text typed (or inserted by an
  // emoji picker) before that next frame lands in the field and queues behind the click.
  function focusIfTextField(x, y) {
    if (!field) return;
    var hit = widgets().some(function (w) {
      return w.role === 'input' && !w.disabled && x >= w.x && x < w.x + w.w && y >= w.y && y < w.y + w.h;
    });
    if (hit && document.activeElement !== field) {
      field.focus({ preventScroll: true });
      reset();
    }
  }
  if (canvas) {
    canvas.addEventListener('mousedown', function (e) {
      if (e.button === 0) focusIfTextField(e.clientX, e.clientY);
    });
    canvas.addEventListener('touchend', function (e) {
      var t = e.changedTouches[0];
      if (t) focusIfTextField(t.clientX, t.clientY);
    });
  }

  window.skolnav = {
    ready: false,
    // Every widget of the last frame: {label, role, x, y, w, h, disabled, active, checked?}
    // in CSS pixels of the page. Roles: button, link, input, radio, tab, checkbox, text.
    widgets: widgets,
    // The visible text of the last frame, top to bottom.
    texts: function () {
      return widgets().filter(function (w) { return w.role === 'text'; })
        .map(function (w) { return w.label; });
    },
    frames: function () { return Module._skolnav_frame_count ? Module._skolnav_frame_count() : 0; },
    // CPU milliseconds the last frame's UI took to build (layout, widgets, draw lists).
    frameBuildMs: function () {
      return Module._skolnav_last_frame_build_ms ? Module._skolnav_last_frame_build_ms() : -1;
    },
    // True while requests are in flight or frames are scheduled.
    busy: function () { return Module._skolnav_busy ? Module._skolnav_busy() > 0 : true; },
    // The UI's zoom (1: none; a two-finger pinch changes it).
    zoom: function () { return Module._skolnav_zoom ? Module._skolnav_zoom() : 1; },
    textFocused: function () { return !!field && document.activeElement === field; },
    // The atlas: code points baked beyond the base set, those no font file has (drawn as
    // a box), and the fallback font files fetched so far.
    fonts: function () {
      return Module._skolnav_fonts_json ? JSON.parse(UTF8ToString(Module._skolnav_fonts_json())) : null;
    },
  };

  var started = Module.skolnavStarted;
  Module.skolnavStarted = function () {
    window.skolnav.ready = true;
    if (started) started();
  };
})();
