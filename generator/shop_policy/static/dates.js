/* shop-policy: calendar days as the policy counts them, shared by the public site's
   script (site.js) and the seller toolkit's (toolkit.js), each loaded after this one.
   A day is its midnight in UTC, so counting days never meets a summer-time hour. */
window.ShopPolicyDays = (function () {
  "use strict";

  return {
    DAY: 86400000,
    // "2026-12-02" as that day's midnight (UTC), or null for no date.
    parse: function (value) {
      if (!value) { return null; }
      var parts = value.split("-").map(Number);
      return Date.UTC(parts[0], parts[1] - 1, parts[2]);
    },
    // A day's midnight back as "2026-12-02".
    iso: function (time) {
      return new Date(time).toISOString().slice(0, 10);
    },
    // "2026-12-02" as `locale` writes it in full ("2. Dezember 2026"); Babel's long format
    // writes the same in every shipped locale. Anything else is returned as it is.
    long: function (locale, value) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) { return value; }
      return new Intl.DateTimeFormat(locale.replace("_", "-"),
        { dateStyle: "long", timeZone: "UTC" }).format(new Date(this.parse(value)));
    }
  };
}());
