(the same as generator/shop_policy/static/toolkit.js)
