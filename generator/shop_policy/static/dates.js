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
    }
  };
}());
