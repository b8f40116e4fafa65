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

  // The case's values, typed once into the fill-in fields, kept for this browser tab:
  // they fill every [[placeholder]] shown and copied on every page of the toolkit.
  var CASE = "shop-policy-case";

  function caseValues() {
    try { return JSON.parse(window.sessionStorage.getItem(CASE)) || {}; } catch (e) { return {}; }
  }

  function saveCase(values) {
    try { window.sessionStorage.setItem(CASE, JSON.stringify(values)); } catch (e) { /* private mode */ }
  }

  // A value as the reply shows it: a date in the page's language.
  function shownValue(name, value) {
    if (!value || !/_date$/.test(name)) { return value || ""; }
    return window.ShopPolicyDays.long(document.documentElement.lang, value);
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  // `text` with each placeholder the seller filled in replaced by its value (escaped for
  // HTML), and the names of those still open.
  function fillIn(text, asHtml) {
    var values = caseValues();
    var open = [];
    var out = text.replace(/\[\[([a-z_]+)\]\]/g, function (marker, name) {
      var value = shownValue(name, values[name]);
      if (!value) {
        if (open.indexOf(name) < 0) { open.push(name); }
        return marker;
      }
      return asHtml ? escapeHtml(value) : value;
    });
    return { text: out, open: open };
  }

  function showCase() {
    var values = caseValues();
    document.querySelectorAll(".sp-ph").forEach(function (element) {
      var value = shownValue(element.dataset.name, values[element.dataset.name]);
      element.textContent = value || "[[" + element.dataset.name + "]]";
      element.classList.toggle("sp-ph--filled", Boolean(value));
    });
    document.querySelectorAll(".sp-fill__form input").forEach(function (input) {
      if (document.activeElement !== input) { input.value = values[input.name] || ""; }
    });
  }

  function setupFill(form) {
    form.addEventListener("input", function (event) {
      var values = caseValues();
      values[event.target.name] = event.target.value;
      saveCase(values);
      showCase();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function copy(button) {
    var text = button.dataset.text ? readJson(button.dataset.text) : null;
    var html = button.dataset.html ? readJson(button.dataset.html) : null;
    var warning = document.querySelector(".sp-warning");
    if (button.dataset.warn) {
      var plain = text !== null ? fillIn(text, false) : null;
      var rich = html !== null ? fillIn(html, true) : null;
      var open = (plain ? plain.open : []).concat(rich ? rich.open : [])
        .filter(function (name, index, all) { return all.indexOf(name) === index; });
      if (open.length && button.dataset.warned !== "true") {
        // Warned once: a second press copies it as it is.
        button.dataset.warned = "true";
        if (warning) {
          warning.textContent = button.dataset.warn.replace("@@names@@", open.map(
            function (name) { return "[[" + name + "]]"; }).join(", "));
        }
        return Promise.resolve();
      }
      text = plain ? plain.text : null;
      html = rich ? rich.text : null;
    }
    delete button.dataset.warned;
    if (warning) { warning.textContent = ""; }
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

  var DAY = window.ShopPolicyDays.DAY;
  var parseDate = window.ShopPolicyDays.parse;
  var iso = window.ShopPolicyDays.iso;

  function window_(start, days, today) {
    if (start === null) { return { state: "not_started" }; }
    var end = start + days * DAY;
    if (today <= end) {
      return { state: "open", end: iso(end), days: Math.round((end - today) / DAY) };
    }
    return { state: "closed", end: iso(end), days: Math.round((today - end) / DAY) };
  }

  // A cancellation window in hours, to the minute (mirrors _hours_window()).
  function hoursWindow(c, hours) {
    var end = c.order + c.orderTime + hours * 3600000;
    var shown = new Date(end).toISOString().slice(0, 16).replace("T", " ");
    return { state: c.today + c.now <= end ? "open" : "closed", end: shown };
  }

  function clock(value) {
    if (!value) { return null; }
    var parts = value.split(":").map(Number);
    var minutes = parts[0] * 60 + parts[1];
    return minutes ? minutes * 60000 : null;  // midnight: counted in whole days
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
    if (table.cancel.kind === "hours" && c.orderTime !== null && c.now !== null &&
        (cancel.state === "open" || cancel.state === "closed")) {
      cancel = hoursWindow(c, table.cancel.hours);
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

  // What the buyer asked for first, with a word on it (mirrors _asked_first()).
  function askedFirst(data, resolutions, asked) {
    if (!asked) { return resolutions; }
    var giving = resolutions.filter(function (r) { return data.asked[asked].indexOf(r) >= 0; });
    if (!giving.length) { return resolutions.concat(["asked_not_granted"]); }
    var rest = resolutions.filter(function (r) { return r !== giving[0]; });
    return [giving[0]].concat(rest, ["asked_granted"]);
  }

  function advise(data, c) {
    var table = judgedBy(data, c);
    var found = match(table, c);
    var resolutions = askedFirst(data, found.rule.resolutions.slice(), c.asked);
    var replies = found.rule.replies.slice();
    var escalation = table.escalation[c.marketplace];
    if (c.chargeback) {
      resolutions.unshift("chargeback_open");
    } else if (c.caseOpen) {
      resolutions.unshift("case_open");
    }
    if ((found.rule.escalate.indexOf(c.marketplace) >= 0 || c.caseOpen) && escalation) {
      if (!(c.caseOpen || c.chargeback)) { resolutions.push("prepare_escalation"); }
      replies.push(escalation);
    }
    var clauses = ["cancel", "return", "report", "version"].map(function (name) {
      return Object.assign({ window: name }, found.state[name]);
    });
    // The version cited: the one in force, also when only its number and date are kept.
    var cited = found.state.version.state === "known_without_facts" ?
      found.state.version.version : table.number;
    return { clauses: clauses, resolutions: resolutions, replies: replies,
             version: data.versions[cited], offered: table["return"].offered };
  }

  // The amount as paid and as store credit with its bonus (mirrors _amounts()).
  function amounts(data, version, paid) {
    if (paid === null) { return {}; }
    var money = new Intl.NumberFormat(data.locale, { style: "currency",
                                                     currency: data.currency });
    var found = { paid: money.format(paid) };
    if (version.bonus !== null) {
      var scale = Math.pow(10, data.digits);
      var minor = paid * scale * (100 + Number(version.bonus)) / 100;
      found.store_credit = money.format(Math.floor(minor + 0.5 + 1e-9) / scale);
    }
    return found;
  }

  // A reply's parts (text, placeholder, text...) with what is known filled in.
  function filled(parts, values) {
    return parts.map(function (part, i) {
      return i % 2 ? (values[part] || "[[" + part + "]]") : part;
    }).join("");
  }

  // The dispute evidence, as Evidence.markdown() writes it.
  function evidence(data, c, advice) {
    var version = advice.version;
    var keys = ["conversation", "policy"];
    if (c.shipped !== null) { keys.push("postage"); }
    if (c.delivered !== null) { keys.push("delivery"); }
    if (["damaged", "defective", "not_as_described"].indexOf(c.reason) >= 0) {
      keys.push("photos");
    }
    if (c.reason === "not_as_described") { keys.push("listing"); }
    if (c.reason === "change_of_mind" && advice.offered) { keys.push("return"); }
    if (c.chargeback) { keys.push("chargeback"); }
    var lines = ["# " + data.words.evidence, "", "## " + data.words.timeline, ""];
    [["order_date", c.order], ["shipped_date", c.shipped], ["delivered_date", c.delivered],
     ["today", c.today]].forEach(function (row) {
      if (row[1] !== null) { lines.push("- " + data.timeline[row[0]] + ": " + iso(row[1])); }
    });
    lines.push("", "## " + data.words.policy, "", version.version);
    data.sections[c.reason].forEach(function (anchor) {
      var found = version.sections[anchor];
      if (!found) { return; }
      lines.push("", "### " + found[0], "", version.url + "#" + anchor, "");
      found[1].split("\n").forEach(function (line) {
        lines.push(("> " + line).replace(/\s+$/, ""));
      });
    });
    lines.push("", "## " + data.words.attach, "");
    keys.forEach(function (key) { lines.push("- [ ] " + data.attach[key]); });
    return lines.join("\n") + "\n";
  }

  function showFilled(data, c, advice) {
    var dates = new Intl.DateTimeFormat(data.locale, { dateStyle: "long", timeZone: "UTC" });
    var values = {};
    [["order_date", c.order], ["shipped_date", c.shipped], ["delivered_date", c.delivered]]
      .forEach(function (row) {
        if (row[1] !== null) { values[row[0]] = dates.format(new Date(row[1])); }
      });
    var worth = amounts(data, advice.version, c.amount);
    var shown = document.getElementById("sp-amounts");
    shown.hidden = !worth.store_credit;
    shown.textContent = worth.store_credit ? data.words.paid
      .split("%(paid)s").join(worth.paid).split("%(credit)s").join(worth.store_credit) : "";
    var box = document.getElementById("sp-filled");
    box.textContent = "";
    advice.replies.forEach(function (id) {
      var reply = advice.version.replies[id];
      var own = Object.assign({}, values);
      var amount = worth[data.amount_of[id]];
      if (amount) { own.amount = amount; }
      var details = document.createElement("details");
      details.className = "sp-filled-reply";
      details.dataset.reply = id;
      var summary = document.createElement("summary");
      summary.textContent = data.titles[id];
      var pre = document.createElement("pre");
      pre.className = "sp-reply";
      pre.dir = "auto";
      pre.dataset.subject = filled(reply.subject, own);
      pre.textContent = filled(reply.body, own);
      var json = document.createElement("script");
      json.type = "application/json";
      json.id = "sp-filled-" + id;
      json.textContent = JSON.stringify(pre.textContent);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button sp-copy";
      button.dataset.text = json.id;
      button.dataset.done = data.labels.copied;
      button.textContent = data.labels.copy;
      details.appendChild(summary);
      details.appendChild(button);
      details.appendChild(pre);
      details.appendChild(json);
      box.appendChild(details);
    });
    var text = evidence(data, c, advice);
    document.getElementById("sp-evidence").textContent = text;
    document.getElementById("sp-evidence-text").textContent = JSON.stringify(text);
  }

  function clauseText(clause, texts, locale) {
    var days = clause.days;
    var state = clause.state === "open" && days === 0 ? "last_day" : clause.state;
    if (state === "closed" && days === undefined) { state = "closed_at"; }
    var forms = texts.clauses[clause.window + "." + state];
    var category = days === undefined ? "other" : new Intl.PluralRules(locale).select(days);
    var template = forms[category] || forms.other;
    return template.split("{end}").join(longDate(clause.end || "", locale))
      .split("{days}").join(days === undefined ? "" : String(days))
      .split("{start}").join(clause.start ? texts.starts[clause.start] : "")
      .split("{version}").join(clause.version || "")
      .split("{since}").join(longDate(clause.since || "", locale));
  }

  // "2026-11-27" (or "2026-11-27 14:00") as the locale writes it (mirrors long_date()).
  function longDate(value, locale) {
    var parts = value.split(" ");
    var day = window.ShopPolicyDays.long(locale, parts[0]);
    return parts[1] ? day + " " + parts[1] : day;
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

  // The seller's own calendar day (not UTC's), as "2026-12-02".
  function localToday() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // The first date that conflicts with another, as [field name, what conflicts], or null.
  function dateConflict(c) {
    if (c.delivered !== null && c.shipped === null) {
      return ["delivered_date", "delivered_without_shipped"];
    }
    if (c.shipped !== null && c.shipped < c.order) { return ["shipped_date", "shipped_before_order"]; }
    if (c.delivered !== null && c.delivered < c.shipped) {
      return ["delivered_date", "delivered_before_shipped"];
    }
    var late = [["order_date", c.order], ["shipped_date", c.shipped],
                ["delivered_date", c.delivered]].filter(function (row) {
      return row[1] !== null && row[1] > c.today;
    });
    return late.length ? [late[0][0], "after_today"] : null;
  }

  // The form's state in the address (#order_date=...), so that it survives following a
  // reply's link and coming back.
  function saveState(form) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) { return; }
      if (field.type === "checkbox") {
        if (field.checked) { params.set(field.name, "1"); }
      } else if (field.value) {
        params.set(field.name, field.value);
      }
    });
    window.history.replaceState(null, "", "#" + params.toString());
  }

  function restoreState(form) {
    var params = new URLSearchParams(window.location.hash.slice(1));
    if (!params.get("order_date")) { return false; }
    params.forEach(function (value, name) {
      var field = form.elements[name];
      if (!field || !field.name) { return; }
      if (field.type === "checkbox") { field.checked = value === "1"; } else { field.value = value; }
    });
    return true;
  }

  function setupAdvisor(form) {
    var data = readJson("sp-advisor-data");
    var today = document.getElementById("sp-today");
    var restored = restoreState(form);
    if (!today.value) { today.value = localToday(); }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      saveState(form);
      var value = function (name) { return form.elements[name].value; };
      var c = {
        order: parseDate(value("order_date")), shipped: parseDate(value("shipped_date")),
        delivered: parseDate(value("delivered_date")), today: parseDate(value("today")),
        reason: value("reason"), condition: value("condition"),
        marketplace: value("marketplace"), asked: value("asked") || null,
        amount: value("amount") ? Number(value("amount").replace(",", ".")) : null,
        orderTime: clock(value("order_time")), now: clock(value("now")),
        caseOpen: form.elements.case_open.checked,
        chargeback: form.elements.chargeback.checked
      };
      if (c.amount !== null && !(c.amount > 0)) { c.amount = null; }
      var error = document.getElementById("sp-error");
      var conflict = c.order !== null && c.today !== null ? dateConflict(c) : ["order_date", null];
      var ordered = conflict === null;
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (field) {
        field.removeAttribute("aria-invalid");
      });
      document.getElementById("sp-advice").hidden = !ordered;
      error.hidden = ordered;
      error.textContent = ordered ? "" : (conflict[1] ? data.texts.conflicts[conflict[1]] + " " : "") +
        data.texts.invalid;
      if (!ordered) {
        // Said where the seller is looking: at the field, which is marked and focused.
        var field = form.elements[conflict[0]];
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", "sp-error");
        field.focus();
        error.scrollIntoView({ block: "nearest" });
      }
      ["sp-clauses", "sp-resolutions", "sp-replies", "sp-filled", "sp-evidence"]
        .forEach(function (id) {
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
        return { text: data.titles[id], id: id, href: "replies/" + id + ".html" };
      }));
      showFilled(data, c, advice);
    });
    if (restored) { form.requestSubmit(); }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".sp-copy") : null;
    if (button) { copy(button); }
  });

  function init() {
    var form = document.getElementById("sp-advisor");
    if (form) { setupAdvisor(form); }
    document.querySelectorAll(".sp-fill__form").forEach(setupFill);
    showCase();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
