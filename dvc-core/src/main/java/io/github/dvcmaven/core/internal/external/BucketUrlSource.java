package io.github.dvcmaven.core.internal.external;

import io.github.dvcmaven.core.api.DvcException;
import io.github.dvcmaven.core.api.HashInfo;
import io.github.dvcmaven.core.internal.Parallel;
import io.github.dvcmaven.core.internal.cache.ObjectStore;
import io.github.dvcmaven.core.internal.event.ProgressTracker;
import io.github.dvcmaven.core.internal.hash.DirManifest;
import io.github.dvcmaven.core.internal.hash.Meta;
import io.github.dvcmaven.core.internal.remote.CountingInputStream;
import io.github.dvcmaven.core.internal.remote.ObjectInfo;
import io.github.dvcmaven.core.internal.remote.Remote;
import io.github.dvcmaven.core.internal.remote.Remotes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * An object, or every object under a prefix, of an S3, GCS or Azure bucket: described from the
 * listing (ETags, sizes) without reading data, downloaded into the cache under the md5 of the bytes.
 */
record BucketUrlSource(String url, Remote bucket, String key) implements UrlSource {
    @Override
    public UrlState state(ProgressTracker progress) {
        try {
            ObjectInfo file = key.isEmpty() ? null : bucket.stat(key);
            if (file != null) {
                return new UrlState(
                        "etag",
                        checked(file).etag(),
                        Meta.file(file.size(), false),
                        file.versionId(),
                        List.of(new ObjectInfo("", file.size(), file.etag())));
            }
            String prefix = key.isEmpty() ? "" : key + "/";
            List<ObjectInfo> members = new ArrayList<>();
            long size = 0;
            for (ObjectInfo o : bucket.listInfo(prefix)) {
                if (o.key().endsWith("/")) {
                    continue; // a folder marker some consoles create, not data
                }
                checked(o);
                members.add(new ObjectInfo(o.key().substring(prefix.length()), o.size(), o.etag()));
                size += Math.max(0, o.size());
            }
            if (members.isEmpty()) {
                throw new DvcException(
                        "dependency '" + url + "' does not exist", "check the URL: no object or prefix has that name");
            }
            HashInfo tree = DirManifest.hashOf(etagTree(members), HashInfo.MD5);
            return new UrlState("md5", tree.value(), Meta.dir(size, members.size()), null, List.copyOf(members));
        } catch (IOException e) {
            throw new DvcException("cannot read '" + url + "': " + Remotes.redact(e.getMessage()), null, e);
        }
    }

    private ObjectInfo checked(ObjectInfo o) {
        if (o.etag() == null || o.etag().isEmpty()) {
            throw new DvcException("'" + url + "': the store gave no ETag for '" + o.key() + "'");
        }
        return o;
    }

    @Override
    public Fetched download(ObjectStore cache, int jobs, ProgressTracker progress) {
        UrlState state = state(progress);
        List<ObjectInfo> members = state.members();
        progress.addTotal(members.size());
        progress.addTotalBytes(state.meta().size());
        boolean single = state.checksumKey().equals("etag");
        List<DirManifest.Entry> entries = Collections.synchronizedList(new ArrayList<>());
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, jobs));
        try {
            Parallel.forEach(pool, members, m -> {
                String objectKey = single ? key : key.isEmpty() ? m.key() : key + "/" + m.key();
                entries.add(new DirManifest.Entry(m.key(), fetch(cache, objectKey, m.size(), progress)));
            });
        } catch (UncheckedIOException e) {
            throw new DvcException(
                    "cannot download '" + url + "': "
                            + Remotes.redact(e.getCause().getMessage()),
                    null,
                    e.getCause());
        } finally {
            pool.shutdown();
        }
        try {
            if (single) {
                HashInfo out = HashInfo.md5(entries.get(0).md5());
                return new Fetched(state, out, state.meta());
            }
            byte[] manifest = new DirManifest(entries).toBytes();
            HashInfo tree = DirManifest.hashOf(manifest, HashInfo.MD5);
            cache.addBytes(manifest, tree);
            // dvc keeps the source's etag tree in the cache beside the data's manifest
            cache.addBytes(etagTree(state.members()), state.treeHash());
            return new Fetched(state, tree, state.meta());
        } catch (IOException e) {
            throw new DvcException("cannot store '" + url + "' in the cache: " + e.getMessage(), null, e);
        }
    }

    /** The tree dvc hashes for a bucket directory: each member's ETag by relative path. */
    private static byte[] etagTree(List<ObjectInfo> members) {
        List<DirManifest.Entry> etags = new ArrayList<>();
        for (ObjectInfo m : members) {
            etags.add(new DirManifest.Entry(m.key(), m.etag()));
        }
        return new DirManifest(etags).toBytes("etag");
    }

    /** One object into the cache; a body shorter or longer than the listing said is refused. */
    private String fetch(ObjectStore cache, String objectKey, long size, ProgressTracker progress) {
        try (InputStream in = new CountingInputStream(bucket.open(objectKey), progress)) {
            SizeCheckingStream body = new SizeCheckingStream(in, size, url + " (" + objectKey + ")");
            String md5 = cache.addStreamHashing(body);
            body.checkComplete();
            progress.advance(1);
            return md5;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        bucket.close();
    }
}
