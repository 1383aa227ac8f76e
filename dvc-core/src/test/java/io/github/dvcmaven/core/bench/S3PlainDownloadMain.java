package io.github.dvcmaven.core.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * For bench/bench-remote.sh: the baseline "what the server delivers to a plain SDK download": one
 * GetObject of {@code bucket/key} straight to a file, nothing else. Prints seconds.
 */
public final class S3PlainDownloadMain {
    private S3PlainDownloadMain() {}

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String bucket = args[1];
        String key = args[2];
        Path out = Path.of(args[3]);
        Files.deleteIfExists(out);
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[4], args[5])))
                .build()) {
            long start = System.nanoTime();
            s3.getObject(b -> b.bucket(bucket).key(key), out);
            System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
