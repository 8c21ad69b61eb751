# SPDX-License-Identifier: MIT
# Reference alarms from R's surveillance::earsC, for tests/signals_r_test.sh.
# Usage: Rscript ears_reference.R FILE METHOD ALPHA [BASELINE]
#   FILE: counts separated by white space or commas; METHOD: C1, C2 or C3.
# Prints the alarm days, one a line, numbered from 1 over the whole series.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: ears_reference.R FILE C1|C2|C3 ALPHA [BASELINE]")
suppressMessages(library(surveillance))
tokens <- strsplit(paste(readLines(args[1]), collapse = " "), "[ ,\t]+")[[1]]
counts <- as.numeric(tokens[tokens != ""])
method <- args[2]
alpha <- as.numeric(args[3])
baseline <- if (length(args) >= 4) as.integer(args[4]) else 7L
observed <- sts(observed = matrix(counts, ncol = 1))
result <- earsC(observed, control = list(method = method, baseline = baseline, alpha = alpha))
# earsC returns the days of its default range only: C1 from baseline + 1, C2 from
# baseline + 3, C3 from baseline + 5.
offset <- switch(method, C1 = baseline, C2 = baseline + 2, C3 = baseline + 4)
days <- which(alarms(result)[, 1] %in% TRUE) + offset  # NA (0/0 statistics) is no alarm
if (length(days) > 0) writeLines(as.character(days))
