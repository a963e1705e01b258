// Whether the TUI draws colour. Only the TUI has colour: the headless output (--script, check,
// test, samples, --help) is kubectl's plain text, whatever the environment says.
//
// In order, the first that speaks decides:
//   --no-color                    no colour (the flag beats the environment, force-color.org)
//   FORCE_COLOR                   0 or false: plain; anything else (also empty): colour
//   NO_COLOR, set and not empty   no colour (no-color.org)
//   TERM=dumb                     plain: such a terminal shows escape codes as text
//   standard output not a TTY     plain
// chalk, which Ink draws with, reads FORCE_COLOR, TERM and argv's --no-color but not NO_COLOR
// (chalk/source/vendor/supports-color), so colour is the theme's decision (ui/theme.tsx) and chalk
// is told what to do with bold and inverse, which mark the cursor row and are not colour.

export interface ColourInput {
	noColorFlag: boolean;
	env: Readonly<Record<string, string | undefined>>;
	isTTY: boolean;
}

export interface ColourChoice {
	/** Colours in the TUI (the theme). */
	colour: boolean;
	/** Bold, inverse and the like: off only where the terminal cannot show them or FORCE_COLOR=0
	 *  asks for plain text. */
	attributes: boolean;
}

export function chooseColour({noColorFlag, env, isTTY}: ColourInput): ColourChoice {
	const plain = {colour: false, attributes: false};
	if (noColorFlag) return {colour: false, attributes: isTTY && env.TERM !== 'dumb'};
	const force = env.FORCE_COLOR;
	if (force !== undefined) return force === '0' || force === 'false' ? plain : {colour: true, attributes: true};
	const dumb = env.TERM === 'dumb';
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return {colour: false, attributes: isTTY && !dumb};
	if (dumb || !isTTY) return plain;
	return {colour: true, attributes: true};
}

/**
 * The FORCE_COLOR chalk must see when Ink is imported for it to draw what `choice` says: chalk
 * alone would drop bold and inverse for --no-color (it reads argv), or keep colours nobody asked
 * for. Undefined: leave chalk to its own detection of the terminal's colour depth.
 */
export function chalkLevel(choice: ColourChoice, env: Readonly<Record<string, string | undefined>>): string | undefined {
	if (!choice.attributes) return '0';
	if (!choice.colour) return '1';
	return env.FORCE_COLOR;
}
