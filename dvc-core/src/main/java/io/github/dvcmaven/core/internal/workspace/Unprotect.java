package io.github.dvcmaven.core.internal.workspace;

import io.github.dvcmaven.core.internal.fs.AtomicWrite;
import io.github.dvcmaven.core.internal.fs.FileCopy;
import io.github.dvcmaven.core.internal.fs.Modes;
import io.github.dvcmaven.core.internal.fs.Umask;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** dvc's unprotect: linked files become private writable copies. */
public final class Unprotect {
    private Unprotect() {}

    /**
     * dvc's unprotect: a symlink or hardlinked file becomes a private copy (copy to a temp name,
     * replace), then the file gets mode 0666 minus the umask, keeping the user exec bit.
     */
    static void file(Path file) throws IOException {
        boolean symlink = Files.isSymbolicLink(file);
        int links = symlink ? 1 : (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        boolean exec = (Modes.mode(file) & 0100) != 0;
        if (symlink || links > 1) {
            try (AtomicWrite w = AtomicWrite.begin(file)) {
                FileCopy.copy(file, w.temp());
                w.commit();
            }
        }
        Modes.chmod(file, Umask.writableFileMode() | (exec ? 0100 : 0));
    }

    public static void tree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            file(dir);
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                    file(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
