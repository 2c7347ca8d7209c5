/*
 * konvo-qa report plugin: HTML attachments at their own height.
 *
 * Allure shows an HTML attachment in a 150 px frame. This viewer fetches the attachment and shows
 * it in a frame sandboxed without allow-scripts: nothing in it can run (its own
 * Content-Security-Policy forbids scripts too). allow-same-origin only lets this script, in the
 * report page, measure the frame's document and give the frame that height; it grants the
 * attachment nothing, since an attachment that cannot run script cannot use an origin.
 */
(function () {
  'use strict';
  if (!window.allure || !window.Backbone || !Backbone.Marionette) return;

  var SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

  function fit(frame) {
    var doc = null;
    try {
      doc = frame.contentDocument;
    } catch (e) {
      doc = null;
    }
    if (!doc || !doc.documentElement || !doc.body) {
      frame.classList.add('konvo-qa-frame_unmeasured');
      return;
    }
    var root = doc.documentElement;
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (root.scrollWidth > root.clientWidth) height += 18; // room for a horizontal scrollbar
    frame.style.height = height + 'px';
  }

  function show(container, html, title) {
    var frame = document.createElement('iframe');
    frame.className = 'konvo-qa-frame';
    frame.setAttribute('sandbox', SANDBOX);
    frame.setAttribute('title', title || 'attachment');
    frame.addEventListener('load', function () {
      fit(frame);
      var doc = frame.contentDocument;
      // Re-fit when the content reflows: a narrower window, fonts, an opened <details>.
      if (doc && doc.documentElement && window.ResizeObserver) {
        new ResizeObserver(function () { fit(frame); }).observe(doc.documentElement);
      }
    });
    frame.srcdoc = html;
    container.appendChild(frame);
  }

  var FullHeightView = Backbone.Marionette.View.extend({
    className: 'konvo-qa-attachment',
    template: function () { return ''; },
    onRender: function () {
      var url = this.getOption('sourceUrl');
      var attachment = this.getOption('attachment') || {};
      var el = this.el;
      if (!url) return; // Allure renders once before it knows the attachment's URL
      fetch(url)
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.text();
        })
        .then(function (html) { show(el, html, attachment.name); })
        .catch(function (e) {
          el.textContent = 'konvo-qa: could not load this attachment (' + e.message
            + '); open it with the download link.';
        });
    }
  });

  allure.api.addAttachmentViewer('text/html', { View: FullHeightView, icon: 'fa fa-file-code-o' });

  /*
   * Allure 2.34 writes a failure message into the test result page as HTML (its ansi helper does
   * not escape; fixed upstream in 2.39), and a gate's message quotes customer text. Whatever
   * markup lands in a message block is turned back into the text it came from before any of its
   * event handlers can fire: a MutationObserver runs before the image error or load tasks.
   * Allowed stay only the line breaks and colour spans the helper itself writes.
   */
  var MESSAGES = '.status-details__message code, .status-details__trace code';

  function harmless(el) {
    if (el.tagName === 'BR') return el.attributes.length === 0;
    return el.tagName === 'SPAN' && (el.attributes.length === 0
      || (el.attributes.length === 1 && el.hasAttribute('style')));
  }

  function defuse(code) {
    var elements = code.querySelectorAll('*');
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (!code.contains(el) || harmless(el)) continue;
      el.replaceWith(document.createTextNode(el.outerHTML));
    }
  }

  function defuseWithin(node) {
    if (node.nodeType !== 1) return;
    if (node.matches(MESSAGES)) defuse(node);
    var inside = node.querySelectorAll(MESSAGES);
    for (var i = 0; i < inside.length; i++) defuse(inside[i]);
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      var target = mutation.target.nodeType === 1 ? mutation.target.closest(MESSAGES) : null;
      if (target) defuse(target);
      mutation.addedNodes.forEach(defuseWithin);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  defuseWithin(document.documentElement);
})();
