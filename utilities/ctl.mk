# Rules for utilities; filled in by its feature.
