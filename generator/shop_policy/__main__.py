from shop_policy.cli import main

main(prog_name="shop-policy")
