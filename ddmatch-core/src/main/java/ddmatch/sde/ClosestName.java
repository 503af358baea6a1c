package ddmatch.sde;

import java.util.Collection;
import java.util.Locale;

/**
 * The "did you mean …?" of error messages: the candidate nearest to a mistyped name by edit distance (Levenshtein),
 * if it is near enough to be a plausible typo (at most max(2, length/3) edits).
 */
public final class ClosestName {
    private ClosestName() {}

    /** The nearest of {@code candidates} to {@code name} (case-insensitive), or null when none is plausibly meant. */
    public static String among(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : candidates) {
            int dist = levenshtein(lower, k.toLowerCase(Locale.ROOT));
            if (dist < bestDistance) {
                bestDistance = dist;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    /** " (did you mean 'x'?)" for the nearest candidate, or "" when there is none. */
    public static String suggestion(String name, Collection<String> candidates) {
        String guess = among(name, candidates);
        return guess == null ? "" : " (did you mean '" + guess + "'?)";
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
