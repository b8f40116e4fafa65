(the same as generator/shop_policy/static/dates.js)
