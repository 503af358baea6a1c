/**
 * The {@code ddmatch} command line: one picocli class per subcommand ({@code systems}, {@code train},
 * {@code simulate}, {@code demo}), shared options as mixins (and a large command's option groups, each validating
 * itself, as for {@code train}), and one place that turns failures into a one-line message and an exit code
 * (0 success, 1 runtime failure, 2 invalid input).
 */
package ddmatch.cli;
