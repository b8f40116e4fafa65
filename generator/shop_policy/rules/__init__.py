"""What the law and the marketplaces say, as data: regions, marketplace timelines."""
