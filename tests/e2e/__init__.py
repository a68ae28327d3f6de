"""The whole program: its command line, offline, installed, and under a monkey."""
