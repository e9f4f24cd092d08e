#!/bin/sh
# Debian's Chromium with third-party storage partitioning on, as in Chrome
# since version 115. Playwright turns the feature off for every browser it
# launches; without it, an iframe from another site gets no storage and no
# service worker, which is not what readers' browsers do. The embed test
# launches Chromium through this script: it removes that one feature from
# --disable-features and passes everything else through unchanged.
for arg do
  shift
  case $arg in
    --disable-features=*)
      arg=$(printf '%s' "$arg" | sed -e 's/ThirdPartyStoragePartitioning,\{0,1\}//' -e 's/,$//')
      ;;
  esac
  set -- "$@" "$arg"
done
exec /usr/bin/chromium "$@"
