#pragma once

// The verbs of cairn-cli. Each returns the process exit status.

#include "clioptions.h"

namespace cairn::cli {

enum ExitStatus {
    ExitSuccess = 0,
    ExitRunFailed = 1,
    ExitInvalid = 2,     // invalid arguments or flow
    ExitStore = 3,       // store or I/O error
    ExitCancelled = 130  // SIGINT
};

int runCommand(const CliOptions& options);

// Set by the SIGINT handler of main.cpp; a run in progress cancels when it becomes true.
void installInterruptHandler();

}  // namespace cairn::cli
