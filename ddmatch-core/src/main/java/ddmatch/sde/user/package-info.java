/**
 * User-defined systems: a target SDE written as text expressions over declared state variables, parameters, inputs
 * and time ({@code sigma*(y - x)}) becomes an {@link ddmatch.sde.Sde} that runs at the speed of hand-written Java. Each
 * expression is first parsed by a small recursive-descent parser ({@link ddmatch.sde.user.ExpressionParser}) into a
 * syntax tree that can only contain numbers, declared symbols, arithmetic, powers and whitelisted
 * {@link ddmatch.sde.user.MathFunction}s; Java source is generated from that tree alone and compiled to bytecode with
 * Janino, so no text a user wrote ever reaches the compiler. The drift's Jacobian is obtained by symbolic
 * differentiation of the tree and compiled the same way ({@link ddmatch.sde.user.UserSystem}).
 */
package ddmatch.sde.user;
