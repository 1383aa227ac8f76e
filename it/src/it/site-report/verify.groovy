def report = new File(basedir, 'target/site/dvc-report.html')
assert report.isFile() : 'mvn site wrote no dvc report'
def html = report.text.replaceAll(/>\s+</, '><')
// rendered inside the site's skin, listed under Project Reports
assert html.contains('DVC metrics and plots')
assert new File(basedir, 'target/site/project-reports.html').text.contains('dvc-report.html')
// current metrics, their diff against HEAD, the params diff
assert html.contains('Metrics (workspace)')
assert html.contains('<td>metrics.json</td><td>0.85</td><td>0.93939</td>') : html
assert html.contains('<td>metrics.json</td><td>acc</td><td>0.825</td><td>0.85</td><td>0.025</td>') : html
assert html.contains('<td>params.yaml</td><td>train.C</td><td>0.5</td><td>1.5</td>') : html
// the plots: an offline page beside the report, framed in it
assert html.contains('<iframe src="dvc-plots/index.html"')
def plots = new File(basedir, 'target/site/dvc-plots/index.html').text
assert plots.contains('vegaEmbed(')
assert !(plots =~ /<script[^>]+src=/)
assert plots.contains('"loss": "0.350"') && plots.contains('"rev": "HEAD"')
assert plots.count('<figure><img') == 2
// the plots-diff goal: HEAD against the workspace in dvc_plots/
def log = new File(basedir, 'build.log').text
assert log.contains('2 plot(s) of workspace, HEAD: file:')
assert new File(basedir, 'dvc_plots/index.html').isFile()
return true
