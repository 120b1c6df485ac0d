package com.runtothebeats.core.flow;

import com.runtothebeats.core.catalog.PlaylistSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits playlists into training and validation BY PLAYLIST: every run of one playlist id (the dataset
 * repeats a playlist under several genre labels) lands on the same side, so validation measures playlists
 * the model has never seen. Within each subgenre the same share is held out, so no style of playlist is
 * missing from validation. Deterministic for a given seed.
 */
public record PlaylistSplit(List<PlaylistSequence> training, List<PlaylistSequence> validation) {

    public static PlaylistSplit bySubgenre(List<PlaylistSequence> playlists, double validationShare, long seed) {
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be within (0, 1), was " + validationShare);
        }
        // subgenre of a playlist id = the subgenre of its first run; ids sorted so the input order doesn't matter
        Map<String, String> subgenreOfId = new LinkedHashMap<>();
        for (PlaylistSequence p : playlists) {
            subgenreOfId.putIfAbsent(p.playlistId(), p.subgenre());
        }
        Map<String, List<String>> idsBySubgenre = new TreeMap<>();
        subgenreOfId.forEach((id, subgenre) -> idsBySubgenre.computeIfAbsent(subgenre, s -> new ArrayList<>()).add(id));
        Random random = new Random(seed);
        Set<String> held = new LinkedHashSet<>();
        for (List<String> ids : idsBySubgenre.values()) {
            Collections.sort(ids);
            Collections.shuffle(ids, random);
            if (ids.size() < 2) {
                continue; // a lone playlist teaches more than it validates
            }
            int n = Math.max(1, (int) Math.round(ids.size() * validationShare));
            held.addAll(ids.subList(0, Math.min(n, ids.size() - 1)));
        }
        List<PlaylistSequence> training = new ArrayList<>();
        List<PlaylistSequence> validation = new ArrayList<>();
        for (PlaylistSequence p : playlists) {
            (held.contains(p.playlistId()) ? validation : training).add(p);
        }
        return new PlaylistSplit(List.copyOf(training), List.copyOf(validation));
    }
}
