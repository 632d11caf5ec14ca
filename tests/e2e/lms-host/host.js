/* global window, document, HTMLIFrameElement */
/*
 * A test LMS: the SCORM API from scorm-again (Scorm12API as window.API, Scorm2004API as window.API_1484_11),
 * optionally loaded with the data of an earlier session, with its commit told to fail a number of times, and the
 * package's launch file opened in an iframe or a new window. The test reads the data model back from here.
 */
(function () {
  var api;
  var version;
  var course;
  window.lmsCalls = [];
  window.failCommits = 0;
  /** the data model as of the last commit that succeeded: what a real LMS would have stored */
  window.lastCommitted = {};

  window.startLms = function (options) {
    version = options.version;
    var settings = { autocommit: false, logLevel: 5 };
    api = version === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    if (options.prior) api.loadFromFlattenedJSON(options.prior);
    window.failCommits = options.failCommits || 0;
    var names = version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'];
    names.forEach(function (name) {
      var original = api[name].bind(api);
      api[name] = function (arg) {
        if (name === names[1] && window.failCommits > 0) {
          window.failCommits--;
          window.lmsCalls.push(name + ' failed');
          return 'false';
        }
        window.lmsCalls.push(name);
        var result = original(arg);
        if (name === names[1] && String(result) === 'true') window.lastCommitted = api.getFlattenedCMI();
        return result;
      };
    });
    if (version === '1.2') window.API = api;
    else window.API_1484_11 = api;
    if (options.mode === 'iframe') {
      course = document.createElement('iframe');
      course.title = 'Course';
      course.src = options.launch;
      document.getElementById('player').appendChild(course);
    } else {
      course = window.open(options.launch, 'course');
    }
  };

  /** the learner leaves: the frame is navigated away, the window closed */
  window.exitCourse = function () {
    if (course instanceof HTMLIFrameElement) course.src = 'about:blank';
    else course.close();
  };

  window.cmiData = function () {
    return api.getFlattenedCMI();
  };
})();
