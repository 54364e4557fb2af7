/**
 * The command-line entry point ({@code ./sre-agent <command>}). Not API: command names, options and
 * output may change between releases; exit status 0 means success, 1 failure, 2 a usage error.
 */
@NullMarked
package dev.sreagent.cli;

import org.jspecify.annotations.NullMarked;
