"""Casework: the case advisor's decision table, its answers and its words."""
