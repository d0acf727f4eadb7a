# Rules for controller; filled in by its feature.
