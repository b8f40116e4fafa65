/* shop-policy seller toolkit: copy buttons and the case advisor.
 *
 * The advisor evaluates the decision table that shop-policy exports from Python
 * (shop_policy/casework/advisor.py); windows() and clauseText() mirror the Python functions of
 * the same names, and the rules themselves exist only in that table.
 */
(function () {
  "use strict";

  function readJson(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function copy(button) {
    var text = button.dataset.text ? readJson(button.dataset.text) : null;
    var html = button.dataset.html ? readJson(button.dataset.html) : null;
    var done = function () {
      var label = button.textContent;
      button.textContent = button.dataset.done || "Copied";
      button.dataset.copied = "true";
      window.setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (html !== null && window.ClipboardItem) {
      var item = { "text/html": new Blob([html], { type: "text/html" }) };
      item["text/plain"] = new Blob([text !== null ? text : html], { type: "text/plain" });
      return navigator.clipboard.write([new ClipboardItem(item)]).then(done);
    }
    return navigator.clipboard.writeText(text !== null ? text : html).then(done);
  }

  var DAY = 86400000;

  function parseDate(value) {
    if (!value) { return null; }
    var parts = value.split("-").map(Number);
    return Date.UTC(parts[0], parts[1] - 1, parts[2]);
  }

  function iso(time) {
    return new Date(time).toISOString().slice(0, 10);
  }

  function window_(start, days, today) {
    if (start === null) { return { state: "not_started" }; }
    var end = start + days * DAY;
    if (today <= end) {
      return { state: "open", end: iso(end), days: Math.round((end - today) / DAY) };
    }
    return { state: "closed", end: iso(end), days: Math.round((today - end) / DAY) };
  }

  function windows(table, c) {
    var stage = c.shipped === null ? "ordered" : (c.delivered === null ? "in_transit" : "delivered");
    var cancel;
    if (table.cancel.kind === "none") {
      cancel = { state: "not_offered" };
    } else if (stage !== "ordered") {
      cancel = { state: "dispatched", end: iso(c.shipped) };
    } else if (table.cancel.kind === "dispatch") {
      cancel = { state: "open_until_dispatch" };
    } else {
      cancel = window_(c.order, table.cancel.days, c.today);
    }
    if (table.cancel.kind === "hours" && stage !== "ordered") {
      var closed = window_(c.order, table.cancel.days, c.today);
      if (closed.state === "closed") { cancel = closed; }
    }
    var ret;
    if (!table["return"].offered) {
      ret = { state: "not_offered" };
    } else {
      var start = table["return"].starts === "delivery" ? c.delivered : c.shipped;
      ret = window_(start, table["return"].days, c.today);
      ret.start = table["return"].starts;
    }
    var report = window_(c.delivered, table.report.days, c.today);
    var order = iso(c.order);
    var applied = table.versions.filter(function (v) { return v.since <= order; });
    var version = applied.length ?
      { state: "known", version: applied[applied.length - 1].number,
        since: applied[applied.length - 1].since } :
      { state: "unknown" };
    if (applied.length && version.version !== table.number) {
      version.state = "known_without_facts";
    }
    return { stage: { state: stage }, cancel: cancel, "return": ret, report: report,
             version: version };
  }

  function match(table, c) {
    var state = windows(table, c);
    var facts = {
      reason: c.reason, condition: c.condition, stage: state.stage.state,
      cancel: state.cancel.state === "open_until_dispatch" ? "open" : state.cancel.state,
      "return": state["return"].state, report: state.report.state
    };
    for (var i = 0; i < table.rules.length; i++) {
      var rule = table.rules[i];
      var ok = Object.keys(rule.when).every(function (key) {
        return rule.when[key].indexOf(facts[key]) !== -1;
      });
      if (ok) { return { rule: rule, state: state }; }
    }
    throw new Error("no rule matched");
  }

  // The table of the version in force on the order date, when its rules are known
  // (mirrors judged_by() in Python); else the current one.
  function judgedBy(data, c) {
    var order = iso(c.order);
    var applied = data.table.versions.filter(function (v) { return v.since <= order; });
    if (!applied.length) { return data.table; }
    var number = applied[applied.length - 1].number;
    var known = data.earlier.filter(function (t) { return t.number === number; });
    return known.length ? known[0] : data.table;
  }

  function advise(data, c) {
    var table = judgedBy(data, c);
    var found = match(table, c);
    var resolutions = found.rule.resolutions.slice();
    var replies = found.rule.replies.slice();
    var escalation = table.escalation[c.marketplace];
    if (found.rule.escalate.indexOf(c.marketplace) >= 0 && escalation) {
      resolutions.push("prepare_escalation");
      replies.push(escalation);
    }
    var clauses = ["cancel", "return", "report", "version"].map(function (name) {
      return Object.assign({ window: name }, found.state[name]);
    });
    return { clauses: clauses, resolutions: resolutions, replies: replies };
  }

  function clauseText(clause, texts, locale) {
    var days = clause.days;
    var state = clause.state === "open" && days === 0 ? "last_day" : clause.state;
    var forms = texts.clauses[clause.window + "." + state];
    var category = days === undefined ? "other" : new Intl.PluralRules(locale).select(days);
    var template = forms[category] || forms.other;
    return template.split("{end}").join(clause.end || "")
      .split("{days}").join(days === undefined ? "" : String(days))
      .split("{start}").join(clause.start ? texts.starts[clause.start] : "")
      .split("{version}").join(clause.version || "")
      .split("{since}").join(clause.since || "");
  }

  function fill(list, items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      if (item.href) {
        var a = document.createElement("a");
        a.href = item.href;
        a.textContent = item.text;
        a.dataset.reply = item.id;
        li.appendChild(a);
      } else {
        li.textContent = item.text;
        if (item.id) { li.dataset.id = item.id; }
      }
      list.appendChild(li);
    });
  }

  function setupAdvisor(form) {
    var data = readJson("sp-advisor-data");
    var today = document.getElementById("sp-today");
    if (!today.value) { today.value = new Date().toISOString().slice(0, 10); }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = function (name) { return form.elements[name].value; };
      var c = {
        order: parseDate(value("order_date")), shipped: parseDate(value("shipped_date")),
        delivered: parseDate(value("delivered_date")), today: parseDate(value("today")),
        reason: value("reason"), condition: value("condition"),
        marketplace: value("marketplace")
      };
      var error = document.getElementById("sp-error");
      var known = [c.order, c.shipped, c.delivered].filter(function (d) { return d !== null; });
      var ordered = c.order !== null && c.today !== null &&
        (c.delivered === null || c.shipped !== null) &&
        known.every(function (d, i) { return i === 0 || known[i - 1] <= d; }) &&
        known[known.length - 1] <= c.today;
      document.getElementById("sp-advice").hidden = false;
      error.hidden = ordered;
      error.textContent = ordered ? "" : data.texts.invalid;
      ["sp-clauses", "sp-resolutions", "sp-replies"].forEach(function (id) {
        document.getElementById(id).textContent = "";
      });
      if (!ordered) { return; }
      var advice = advise(data, c);
      fill(document.getElementById("sp-clauses"), advice.clauses.map(function (clause) {
        return { text: clauseText(clause, data.texts, data.locale), id: clause.window };
      }));
      fill(document.getElementById("sp-resolutions"), advice.resolutions.map(function (id) {
        return { text: data.texts.resolutions[id], id: id };
      }));
      fill(document.getElementById("sp-replies"), advice.replies.map(function (id) {
        return { text: data.titles[id], id: id, href: "../replies/" + id + "/" };
      }));
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".sp-copy") : null;
    if (button) { copy(button); }
  });

  function init() {
    var form = document.getElementById("sp-advisor");
    if (form) { setupAdvisor(form); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
