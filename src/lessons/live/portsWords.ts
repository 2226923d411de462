/** The ports demo's words, English and Korean. */
import type { Words } from './demo';

export type PortsKey =
    | 'intro'
    | 'run'
    | 'runAgain'
    | 's1'
    | 's2'
    | 's3'
    | 's4'
    | 's5'
    | 's6'
    | 's7'
    | 's8'
    | 's9'
    | 'hostCall'
    | 'fNetwork'
    | 'fNetworkNote'
    | 'fExposed'
    | 'fExposedNote'
    | 'fFirstPorts'
    | 'fFirstInside'
    | 'fFirstInsideNote'
    | 'fWithout'
    | 'fSecondPorts'
    | 'fWith'
    | 'fWithNote'
    | 'fIp'
    | 'fIpReached'
    | 'fIpNotReached'
    | 'fInside'
    | 'fInsideNote'
    | 'noBinding'
    | 'noAnswer'
    | 'answered'
    | 'cleaned';

export const PORTS_WORDS: Words<PortsKey> = {
    en: {
        intro: 'Runs a small web server (busybox httpd) twice on a network of its own: first without -p, then with -p 127.0.0.1:PORT:80. Each time this editor fetches the page itself. Everything is removed at the end.',
        run: 'Start the demo',
        runAgain: 'Run it again',
        s1: 'Create a bridge network for the lesson',
        s2: 'Start the web server without -p (port 80 only exposed)',
        s3: 'Read its ports, and ask it from inside',
        s4: 'Fetch {0} from this editor',
        s5: 'Start the same server with -p 127.0.0.1:PORT:80',
        s6: 'Read its ports, and fetch {0} again',
        s7: 'Read the container\'s own address and fetch it',
        s8: 'Ask localhost from inside the container',
        s9: 'Remove both containers and the network',
        hostCall: 'HTTP GET from the extension host (not the Engine API)',
        fNetwork: 'Network',
        fNetworkNote: 'A user-defined bridge: the lesson makes its own, so it can remove it afterwards.',
        fExposed: 'Exposed ports of the first container',
        fExposedNote: 'Config.ExposedPorts: what EXPOSE in a Dockerfile (or --expose) records.',
        fFirstPorts: 'Host bindings of the first container',
        fFirstInside: 'Its server, asked from inside',
        fFirstInsideNote: 'The server runs; only the way in from the host is missing.',
        fWithout: 'Without -p: {0}',
        fSecondPorts: 'Host bindings of the second container',
        fWith: 'With -p: {0}',
        fWithNote: 'Checked that the page is the one this run\'s container wrote.',
        fIp: 'Container address on {0}',
        fIpReached: 'This editor reached it directly too: the engine runs on this machine.',
        fIpNotReached: 'Not reachable from this editor ({0}).',
        fInside: 'Inside the container: {0}',
        fInsideNote: 'The host\'s published port is not on the container\'s own localhost.',
        noBinding: 'none',
        noAnswer: 'no answer ({0})',
        answered: 'answered',
        cleaned: 'removed',
    },
    ko: {
        intro: '작은 웹 서버(busybox httpd)를 레슨 전용 네트워크에서 두 번 실행합니다. 처음에는 -p 없이, 다음에는 -p 127.0.0.1:PORT:80으로 실행하고, 그때마다 이 편집기가 직접 페이지를 요청합니다. 끝나면 모두 지웁니다.',
        run: '데모 시작',
        runAgain: '다시 실행하기',
        s1: '레슨용 브리지 네트워크 만들기',
        s2: '-p 없이 웹 서버 시작하기 (80번 포트는 노출만)',
        s3: '포트 정보를 읽고, 컨테이너 안에서 요청하기',
        s4: '이 편집기에서 {0} 요청하기',
        s5: '같은 서버를 -p 127.0.0.1:PORT:80으로 시작하기',
        s6: '포트 정보를 읽고, {0} 다시 요청하기',
        s7: '컨테이너 자신의 주소를 읽고 요청하기',
        s8: '컨테이너 안에서 localhost에 요청하기',
        s9: '두 컨테이너와 네트워크 지우기',
        hostCall: '확장 호스트에서 보내는 HTTP GET (Engine API 아님)',
        fNetwork: '네트워크',
        fNetworkNote: '사용자 정의 브리지 네트워크입니다. 레슨이 직접 만들어서 끝나면 지웁니다.',
        fExposed: '첫 번째 컨테이너의 노출된 포트',
        fExposedNote: 'Config.ExposedPorts: Dockerfile의 EXPOSE(또는 --expose)가 기록하는 값입니다.',
        fFirstPorts: '첫 번째 컨테이너의 호스트 바인딩',
        fFirstInside: '컨테이너 안에서 요청한 서버',
        fFirstInsideNote: '서버는 실행 중입니다. 호스트에서 들어가는 길만 없습니다.',
        fWithout: '-p 없이: {0}',
        fSecondPorts: '두 번째 컨테이너의 호스트 바인딩',
        fWith: '-p와 함께: {0}',
        fWithNote: '응답한 페이지가 이번 실행의 컨테이너가 쓴 것인지 확인했습니다.',
        fIp: '{0} 네트워크에서의 컨테이너 주소',
        fIpReached: '이 편집기에서도 바로 닿았습니다. 엔진이 이 머신에서 실행되기 때문입니다.',
        fIpNotReached: '이 편집기에서는 닿지 않습니다({0}).',
        fInside: '컨테이너 안에서: {0}',
        fInsideNote: '호스트에 게시한 포트는 컨테이너 자신의 localhost에 있지 않습니다.',
        noBinding: '없음',
        noAnswer: '응답 없음 ({0})',
        answered: '응답함',
        cleaned: '삭제함',
    },
};
