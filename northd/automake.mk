# Rules for northd; filled in by its feature.
