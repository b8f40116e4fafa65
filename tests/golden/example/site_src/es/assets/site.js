(the same as generator/shop_policy/static/site.js)
