package com.runtothebeats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.runtothebeats.core.validation.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFileSourceTest {

    @TempDir
    Path dir;

    private static final java.util.function.Function<String, com.runtothebeats.core.storage.BlobStore> NO_BUCKETS =
            bucket -> {
                throw new AssertionError("a local path must not open a bucket");
            };

    @Test
    void readsALocalFile() throws Exception {
        Path file = dir.resolve("songs.csv");
        Files.writeString(file, DatasetLines.HEADER + "\n" + DatasetLines.row("t1", "p1", "120") + "\n");
        DatasetFileSource source = new DatasetFileSource(file.toString(), NO_BUCKETS);
        assertEquals(1, source.rows().size());
        assertEquals("dataset:" + file, source.description());
    }

    @Test
    void aMissingFileNamesTheLocationAndWhereToDownload() {
        DatasetFileSource source = new DatasetFileSource(dir.resolve("nope.csv").toString(), NO_BUCKETS);
        InvalidInputException e = assertThrows(InvalidInputException.class, source::rows);
        assertEquals("source.location", e.field());
        assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("tidytuesday"), e.getMessage());
    }

    @Test
    void aHeaderWithoutRowsIsNotADataset() throws Exception {
        Path file = dir.resolve("header-only.csv");
        Files.writeString(file, DatasetLines.HEADER + "\n");
        assertThrows(MalformedDatasetException.class, () -> new DatasetFileSource(file.toString(), NO_BUCKETS).rows());
    }

    @Test
    void refusesLocationsThatAreNotOne() {
        for (String bad : new String[] {"", "  ", "s3://", "s3://bucket", "s3://bucket/", "s3:///key"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new DatasetFileSource(bad, NO_BUCKETS), bad);
            assertEquals("source.location", e.field());
        }
    }
}
