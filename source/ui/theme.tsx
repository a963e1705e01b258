// Colours, or none: NO_COLOR (no-color.org) turns every colour off.
import {createContext, useContext} from 'react';

export interface Theme {
	color: boolean;
}

export const ThemeContext = createContext<Theme>({color: true});

export const useTheme = () => useContext(ThemeContext);

/** Colour props for Ink's <Text>, empty when colour is off. */
export function tint(theme: Theme, color: string | undefined): {color?: string} {
	return theme.color && color ? {color} : {};
}
