/* shop-policy: the public site's script.
   - "Can I still return it?" on the policy page answers in the browser from the
     policy's windows (the same decision table as `shop-policy advise`, whose _window()
     this mirrors: a window of N days from a day ends N days later, open until that day
     is over). Nothing the buyer enters leaves the page.
   - The language selector keeps the reader at the clause they are reading: every
     language's page has the same anchors. */
(function () {
  "use strict";

  var DAY = window.ShopPolicyDays.DAY;
  var parseDate = window.ShopPolicyDays.parse;
  var iso = window.ShopPolicyDays.iso;

  // Today where the shop is (its days end at its midnight), or as a test sets it.
  function today(zone) {
    if (window.SP_TODAY) { return parseDate(window.SP_TODAY); }
    var options = zone ? { timeZone: zone } : {};
    return parseDate(new Intl.DateTimeFormat("en-CA", options).format(new Date()));
  }

  // The answer for a reason and a start day: which window, and its state and end.
  function judge(data, reason, start, now) {
    var kind = reason === "change_of_mind" ? "return" : "report";
    if (kind === "return" && !data["return"].offered) {
      return { kind: kind, state: "not_offered" };
    }
    if (start > now) { return { kind: kind, state: "future" }; }
    var end = start + data[kind].days * DAY;
    var state = now < end ? "open" : (now === end ? "last_day" : "closed");
    return { kind: kind, state: state, end: iso(end) };
  }

  function setup(form) {
    var data = JSON.parse(document.getElementById("sp-check-data").textContent);
    var reason = form.querySelector("#sp-check-reason");
    var day = form.querySelector("#sp-check-day");
    var label = form.querySelector("#sp-check-day-label");
    var answer = form.querySelector("#sp-check-answer");
    var next = form.querySelector("#sp-check-next");

    function relabel() {
      var fromDispatch = reason.value === "change_of_mind" &&
        data["return"].starts === "dispatch";
      label.textContent = data.texts[fromDispatch ? "dispatch" : "delivery"];
    }

    reason.addEventListener("change", relabel);
    relabel();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var start = parseDate(day.value);
      if (start === null) { day.reportValidity(); return; }
      var found = judge(data, reason.value, start, today(data.zone));
      var key = found.state === "future" ? "future" : found.kind + "." + found.state;
      answer.textContent = data.texts[key].split("{end}").join(
        found.end ? window.ShopPolicyDays.long(data.locale, found.end) : "");
      answer.dataset.state = found.state;
      answer.dataset.end = found.end || "";
      next.textContent = "";
      var action = found.kind === "report" ? "report" :
        (found.state === "open" || found.state === "last_day" ? "return" : null);
      if (action && found.state !== "future") {
        var link = document.createElement("a");
        link.href = data.next[action].href;
        link.className = "md-button";
        link.textContent = data.next[action].text;
        next.appendChild(link);
      }
    });
    form.hidden = false;
  }

  // Material puts the table of contents before the page's text, so a keyboard met
  // every heading of the page before reaching its first line. Moved after the text,
  // where it is on screen (its side follows the page's direction).
  function contentsAfterText() {
    var contents = document.querySelector(".md-sidebar--secondary");
    var text = document.querySelector(".md-main__inner > .md-content");
    if (contents && text && text.nextElementSibling !== contents &&
        contents.parentNode === text.parentNode) {
      text.parentNode.insertBefore(contents, text.nextSibling);
    }
  }

  function init() {
    contentsAfterText();
    var form = document.getElementById("sp-check");
    if (form && !form.dataset.ready) {
      form.dataset.ready = "1";
      setup(form);
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.md-select__link") : null;
    if (link && window.location.hash) {
      link.href = link.href.split("#")[0] + window.location.hash;
    }
  }, true);

  // Material's instant navigation swaps pages without loading them: run on each.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
