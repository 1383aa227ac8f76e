package io.github.dvcmaven.core.internal.remote;

import io.github.dvcmaven.core.api.DvcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The {@code s3} settings of the profile in the AWS config file, which dvc hands to botocore and its
 * transfer manager: {@code addressing_style}, {@code multipart_threshold}, {@code multipart_chunksize},
 * {@code max_concurrent_requests}. The file is the remote's {@code configpath}, else
 * {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}. A setting dvc-maven does not implement is an
 * error naming the file, the profile and the key.
 */
record AwsS3Settings(
        Path file,
        String profile,
        Boolean pathStyle,
        Long multipartThreshold,
        Long multipartChunkSize,
        Integer maxConcurrentRequests,
        ProfileFile profileFile) {

    static AwsS3Settings load(String remote, String configPath, String profileName, Map<String, String> env) {
        Path file = configPath != null
                ? Path.of(configPath)
                : env.get("AWS_CONFIG_FILE") != null
                        ? Path.of(env.get("AWS_CONFIG_FILE"))
                        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".aws", "config");
        String profile = profileName != null ? profileName : env.getOrDefault("AWS_PROFILE", "default");
        if (!Files.isRegularFile(file)) {
            if (configPath != null) {
                throw new DvcException(
                        "remote '" + remote + "': configpath " + file + " does not exist",
                        "point configpath at an AWS config file, or unset it");
            }
            return new AwsS3Settings(file, profile, null, null, null, null, null);
        }
        ProfileFile profiles;
        try {
            profiles = ProfileFile.builder()
                    .content(file)
                    .type(ProfileFile.Type.CONFIGURATION)
                    .build();
        } catch (RuntimeException e) {
            throw new DvcException(
                    "remote '" + remote + "': cannot read the AWS config file " + file + ": " + e.getMessage(),
                    "fix the file, or point configpath elsewhere",
                    e);
        }
        Optional<Profile> p = profiles.profile(profile);
        Boolean pathStyle = null;
        Long threshold = null;
        Long chunk = null;
        Integer concurrency = null;
        if (p.isPresent()) {
            for (Map.Entry<String, String> e : p.get().properties().entrySet()) {
                if (!e.getKey().startsWith("s3.")) {
                    continue;
                }
                String key = e.getKey().substring(3);
                String value = e.getValue().trim();
                String where = file + " [" + profile + "] s3." + key;
                switch (key) {
                    case "addressing_style" ->
                        pathStyle = switch (value.toLowerCase(Locale.ROOT)) {
                            case "path" -> Boolean.TRUE;
                            case "virtual" -> Boolean.FALSE;
                            case "auto" -> null;
                            default -> throw new DvcException(where + ": '" + value + "' is not path, virtual or auto");
                        };
                    case "multipart_threshold" -> threshold = bytes(value, where);
                    case "multipart_chunksize" -> chunk = bytes(value, where);
                    case "max_concurrent_requests" -> concurrency = (int) Math.max(1, number(value, where));
                    case "max_queue_size" -> number(value, where); // a buffer bound: no visible effect here
                    case "signature_version" -> {
                        if (!value.equalsIgnoreCase("s3v4")) {
                            throw new DvcException(where + " = " + value + ": dvc-maven signs with s3v4 only");
                        }
                    }
                    default ->
                        throw new DvcException(
                                where + ": this S3 setting is not supported by dvc-maven",
                                "remove it from the profile dvc-maven reads, or give the remote a configpath without it");
                }
            }
        }
        return new AwsS3Settings(file, profile, pathStyle, threshold, chunk, concurrency, profiles);
    }

    /** A size as the AWS CLI writes it: {@code 8388608}, {@code 64MB}, {@code 16MiB}. */
    static long bytes(String value, String where) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        String[][] units = {
            {"kib", "1024"},
            {"mib", "1048576"},
            {"gib", "1073741824"},
            {"tib", "1099511627776"},
            {"kb", "1024"},
            {"mb", "1048576"},
            {"gb", "1073741824"},
            {"tb", "1099511627776"}
        };
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                multiplier = Long.parseLong(u[1]);
                v = v.substring(0, v.length() - u[0].length());
                break;
            }
        }
        return number(v, where) * multiplier;
    }

    private static long number(String value, String where) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new DvcException(where + ": '" + value + "' is not a whole number", null, e);
        }
    }
}
