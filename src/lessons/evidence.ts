/**
 * When is a lesson done? Only when the daemon's own events say the real thing happened.
 * Pure: maps one Engine event to the lesson it completes, if any. No `vscode` import.
 */
import { EngineEvent } from '../docker/types';

export const LESSON_LABEL = 'dockerLessons.lesson';
/** Marks the one container of a lesson whose clean exit proves it (the volumes lesson's read-back after `docker rm`). */
export const PROOF_LABEL = 'dockerLessons.proof';
/** The image-names lesson's own repository: its `tag` events tick that lesson. */
export const NAMES_REPO = 'docker-lessons/names';

function sameImage(eventImage: string | undefined, configured: string): boolean {
    if (!eventImage) {
        return false;
    }
    const norm = (s: string) => s.replace(/^(index\.)?docker\.io\//, '').replace(/^library\//, '').replace(/:latest$/, '');
    return norm(eventImage) === norm(configured);
}

function labelOf(event: EngineEvent): string | undefined {
    return event.attributes[LESSON_LABEL];
}

/** The lesson this event completes, or undefined. */
export function lessonCompletedBy(event: EngineEvent, helloImage: string): string | undefined {
    // the build lesson tagged the image it built (its name is the lesson's own)
    if (event.type === 'image' && event.action === 'tag' && /^docker-lessons-build-cache:/.test(event.attributes.name ?? '')) {
        return 'build-cache';
    }
    // the image-names demo gave an image a second name (a tag copies nothing: only the event says it happened)
    if (event.type === 'image' && event.action === 'tag' && (event.attributes.name ?? '').startsWith(`${NAMES_REPO}:`)) {
        return 'image-names';
    }
    if (event.type !== 'container') {
        return undefined;
    }
    // the lifecycle lesson's container went all the way: created … removed
    if (event.action === 'destroy' && labelOf(event) === 'container-lifecycle') {
        return 'container-lifecycle';
    }
    const lesson = event.attributes[LESSON_LABEL];
    const exitOk = event.attributes.exitCode === '0';
    // the hello-world container ran to the end, from the lesson or from a terminal
    if (event.action === 'die' && exitOk && (lesson === 'hello-world' || sameImage(event.attributes.image, helloImage))) {
        return 'hello-world';
    }
    if (event.action === 'die' && exitOk && lesson === 'why-docker') {
        return lesson;
    }
    // the demo's container really ran on the host kernel (it is killed afterwards, so not by exit code)
    if (event.action === 'start' && (lesson === 'containers-vs-vms' || lesson === 'namespaces')) {
        return lesson;
    }
    // the published web server started; the volume's file was read back by a new container after its writer was removed
    if (event.action === 'start' && lesson === 'ports') {
        return lesson;
    }
    if (event.action === 'die' && exitOk && lesson === 'volumes' && event.attributes[PROOF_LABEL] === 'volume-read') {
        return lesson;
    }
    if (event.action === 'create' && lesson === 'image-vs-container') {
        return 'image-vs-container';
    }
    // the kernel's OOM killer ended the cgroups demo container
    if (event.action === 'oom' && lesson === 'cgroups') {
        return 'cgroups';
    }
    return undefined;
}
