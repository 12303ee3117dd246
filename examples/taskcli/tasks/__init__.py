"""The task tracker's modules: configuration, storage, the command line and reports."""
