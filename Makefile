# Every target does its own set-up first (build/bootstrap.sh), so on a fresh machine
# `make run` and `make test` just work.
SHELL := /bin/bash
export PATH := $(HOME)/.local/bin:$(PATH)
# Trust the system certificate store (needed behind TLS-inspecting proxies).
export UV_SYSTEM_CERTS ?= 1
UV_RUN := uv run --frozen
PYTEST_ARGS ?=

.PHONY: run test lint check screenshots build bench soak clean

run:
	@build/bootstrap.sh run
	$(UV_RUN) tigoni-kiosk $(ARGS)

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

build:
	@build/bootstrap.sh build
	rm -rf dist/tigoni-kiosk
	$(UV_RUN) pyinstaller --noconfirm --log-level WARN --workpath .pyinstaller/work \
	  --distpath dist build/tigoni-kiosk.spec
	$(UV_RUN) python build/report_bundle.py dist/tigoni-kiosk

clean:
	rm -rf .pyinstaller dist .screenshots bench.json .pytest_cache .mypy_cache .ruff_cache
