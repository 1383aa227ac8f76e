import java.nio.file.Files
import java.nio.file.StandardCopyOption

def run(String... cmd) {
    def p = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${cmd.join(' ')} failed: ${out}"
}
// basedir is <root>/it/target/it/churn-repro
def example = new File(basedir, '../../../../examples/churn').canonicalFile
assert example.isDirectory() : "example not found at ${example}"
example.eachFileRecurse { f ->
    def target = new File(basedir, example.toPath().relativize(f.toPath()).toString())
    if (f.isDirectory()) {
        target.mkdirs()
    } else {
        target.parentFile.mkdirs()
        Files.copy(f.toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING)
    }
}
run('git', 'init', '-q')
return true
