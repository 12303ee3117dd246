"""The notes tool: cli (argparse), config (JSON defaults), store (JSON persistence), render (text)."""
VERSION = "1.2"
