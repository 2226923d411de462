/** The webview panels' view types (package.json's onWebviewPanel activation events name them too). */
export const LESSON_VIEW_TYPE = 'dockerLessons.lesson';
export const DOCKERFILE_VIEW_TYPE = 'dockerLessons.dockerfile';
