# Rules for lib; filled in by its feature.
