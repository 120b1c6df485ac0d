package com.runtothebeats.aws;

import com.runtothebeats.core.storage.BlobStore;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link BlobStore} on one S3 bucket (or an S3 API stand-in reached through an endpoint override). */
public final class S3BlobStore implements BlobStore {

    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;
    private static final int CONDITIONAL_CONFLICT = 409;

    /** S3's own maximum per ListObjectsV2 page. */
    static final int LIST_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final int listPageSize;

    public S3BlobStore(S3Client s3, String bucket) {
        this(s3, bucket, LIST_PAGE_SIZE);
    }

    S3BlobStore(S3Client s3, String bucket, int listPageSize) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 blob store needs a bucket name");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.listPageSize = listPageSize;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(request(key, contentType).build(), RequestBody.fromBytes(content));
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content, String contentType) {
        // The HEAD answers cheaply in the common case and protects against a server that ignores
        // If-None-Match; the conditional write closes the race between two writers on S3 itself.
        if (exists(key)) {
            return false;
        }
        try {
            s3.putObject(request(key, contentType).ifNoneMatch("*").build(), RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONDITIONAL_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket).prefix(prefix).maxKeys(listPageSize).build();
        // S3 returns keys in UTF-8 binary order, page by page; the paginator follows the continuation tokens.
        for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
            keys.add(object.key());
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    private PutObjectRequest.Builder request(String key, String contentType) {
        return PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType);
    }
}
