package io.github.dvcmaven.core.bench;

import io.github.dvcmaven.core.api.ListOptions;
import io.github.dvcmaven.core.api.ReaderOptions;
import io.github.dvcmaven.core.api.RepoOptions;
import io.github.dvcmaven.core.api.RepoReader;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * For bench/bench-reader.sh. {@code sdk ENDPOINT BUCKET KEY ID SECRET}: one plain SDK GetObject read to
 * its end (the baseline); {@code open REPO PATH}: RepoReader.open of the repository and its stream of
 * the file read to the end (md5 checked); {@code list REPO PATH}: a recursive listing. Prints seconds
 * (and, for list, the entry count).
 */
public final class ReaderBenchMain {
    private ReaderBenchMain() {}

    public static void main(String[] args) throws Exception {
        byte[] buf = new byte[1 << 20];
        switch (args[0]) {
            case "sdk" -> {
                try (S3Client s3 = S3Client.builder()
                        .endpointOverride(URI.create(args[1]))
                        .forcePathStyle(true)
                        .region(Region.US_EAST_1)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create(args[4], args[5])))
                        .build()) {
                    long start = System.nanoTime();
                    long n = 0;
                    try (InputStream in = s3.getObject(b -> b.bucket(args[2]).key(args[3]))) {
                        for (int r; (r = in.read(buf)) > 0; ) {
                            n += r;
                        }
                    }
                    System.out.printf("%.3f %d%n", (System.nanoTime() - start) / 1e9, n);
                }
            }
            case "open" -> {
                long start = System.nanoTime();
                long n = 0;
                try (RepoReader r = RepoReader.open(args[1], null, options(args[1]));
                        InputStream in = r.open(args[2])) {
                    for (int read; (read = in.read(buf)) > 0; ) {
                        n += read;
                    }
                }
                System.out.printf("%.3f %d%n", (System.nanoTime() - start) / 1e9, n);
            }
            case "list" -> {
                long start = System.nanoTime();
                int n;
                try (RepoReader r = RepoReader.open(args[1], null, options(args[1]))) {
                    n = r.list(ListOptions.of(args[2]).withRecursive(true)).size();
                }
                System.out.printf("%.3f %d%n", (System.nanoTime() - start) / 1e9, n);
            }
            default -> throw new IllegalArgumentException("sdk, open or list");
        }
    }

    private static ReaderOptions options(String repo) {
        return ReaderOptions.defaults()
                .withBase(RepoOptions.defaults()
                        .withCwd(Path.of(repo).toAbsolutePath().getParent()));
    }
}
