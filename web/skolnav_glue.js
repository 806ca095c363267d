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

  function sendText(text) {
    text = text.split(SENTINEL).join('');
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
    textFocused: function () { return !!field && document.activeElement === field; },
  };

  var started = Module.skolnavStarted;
  Module.skolnavStarted = function () {
    window.skolnav.ready = true;
    if (started) started();
  };
})();
