# Every target does its own set-up first (build/bootstrap.sh), so on a fresh machine
# `make run` and `make test` just work.
SHELL := /bin/bash
export PATH := $(HOME)/.local/bin:$(PATH)
# Trust the system certificate store (needed behind TLS-inspecting proxies).
export UV_SYSTEM_CERTS ?= 1
UV_RUN := uv run --frozen
PYTEST_ARGS ?=

.PHONY: run test lint check screenshots build bench soak clean i18n

run:
	@build/bootstrap.sh run
	@$(UV_RUN) python build/translations.py compile >/dev/null
	$(UV_RUN) tigoni-kiosk $(ARGS)

# Compile the UI translations (kiosk/i18n/*.ts -> .i18n/*.qm); `make i18n ARGS=update`
# first collects new words from the code into the .ts files.
i18n:
	@build/bootstrap.sh test
	$(UV_RUN) python build/translations.py $(or $(ARGS),compile)

test:
	@build/bootstrap.sh test
	QT_QPA_PLATFORM=offscreen $(UV_RUN) pytest $(PYTEST_ARGS)

lint:
	@build/bootstrap.sh test
	$(UV_RUN) ruff check kiosk tests
	$(UV_RUN) mypy

check:
	@build/bootstrap.sh test
	$(UV_RUN) tigoni-kiosk check

screenshots:
	@build/bootstrap.sh test
	for size in 1920x1080 1080x1920 1280x800 3840x2160; do \
	  QT_QPA_PLATFORM=offscreen $(UV_RUN) tigoni-kiosk --data-dir .screenshots/data \
	    screenshots .screenshots/$$size --size $$size || exit 1; done

# dist/tigoni-kiosk/ (program, install.sh, uninstall.sh, unit, README-IT.txt) and the
# same folder packed as dist/tigoni-kiosk-<version>-linux-<arch>.tar.gz: what IT copies.
build:
	@build/bootstrap.sh build
	rm -rf dist/tigoni-kiosk
	$(UV_RUN) python build/translations.py compile
	$(UV_RUN) pyinstaller --noconfirm --log-level WARN --workpath .pyinstaller/work \
	  --distpath dist build/tigoni-kiosk.spec
	build/linux/package.sh dist/tigoni-kiosk \
	  "$$($(UV_RUN) python -c 'import kiosk; print(kiosk.__version__)')"
	$(UV_RUN) python build/report_bundle.py dist/tigoni-kiosk

# Measure start-up, tap-to-page, idle CPU, memory, content scaling and bundle size against
# a bare PySide6 program; prints a table and writes $(BENCH_JSON) (default bench.json).
# With a bundle it sets up as `build` does, since the `test` set-up removes PyInstaller.
bench:
	@build/bootstrap.sh $(if $(wildcard dist/tigoni-kiosk/tigoni-kiosk),build,test)
	QT_QPA_PLATFORM=offscreen BENCH_JSON=$(or $(BENCH_JSON),bench.json) \
	  $(UV_RUN) python -m tests.benchmarks.run

# The seeded monkey for longer: 20,000 random taps, drags, swipes, long-presses and keys
# on a kiosk-mode window (`make test` runs about 2,000). A failure prints its seed;
# replay it with `make soak MONKEY_SEED=<seed>`.
soak:
	@build/bootstrap.sh test
	QT_QPA_PLATFORM=offscreen MONKEY_EVENTS=20000 $(UV_RUN) pytest -q tests/e2e/test_monkey.py

clean:
	rm -rf .pyinstaller dist .screenshots bench.json .pytest_cache .mypy_cache .ruff_cache .i18n
