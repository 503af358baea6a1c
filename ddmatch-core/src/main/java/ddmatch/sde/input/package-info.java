/**
 * External inputs {@code u(t)} of a target system: each input is a scalar function of time, an
 * {@link ddmatch.sde.input.InputSchedule}, evaluated by the system at the time the solver asks for the drift. The
 * schedules cover what stimulation protocols are made of (a constant, a step, a periodic pulse train, a
 * piecewise-linear ramp or a measured table interpolated linearly), are immutable, allocate nothing when evaluated and
 * may be shared by threads; reading a table from a file belongs to {@code ddmatch.io}.
 */
package ddmatch.sde.input;
