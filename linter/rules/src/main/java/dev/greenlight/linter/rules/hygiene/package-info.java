/** Rules about choices that cause future pain: types, names, robustness. */
package dev.greenlight.linter.rules.hygiene;
